/**
 * The words of release of information (issue 12.8) that records store as codes: where a
 * request stands, and how released records reached their recipient.
 */
export const REQUEST_STATUSES = ['received', 'in-progress', 'released', 'denied'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  received: 'Received',
  'in-progress': 'In progress',
  released: 'Released',
  denied: 'Denied',
};

/** Once released or denied, a request is answered: its status no longer moves. */
export const ANSWERED_STATUSES: readonly RequestStatus[] = ['released', 'denied'];

export const DELIVERY_METHODS = [
  'mail',
  'fax',
  'secure-email',
  'portal',
  'in-person',
  'electronic-media',
  'courier',
] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export const DELIVERY_METHOD_LABELS: Record<DeliveryMethod, string> = {
  mail: 'Mailed',
  fax: 'Faxed',
  'secure-email': 'Sent by secure email',
  portal: 'Posted to the patient portal',
  'in-person': 'Picked up in person',
  'electronic-media': 'Given on a disc or USB drive',
  courier: 'Sent by courier',
};

/** What the delivery's detail holds for each method, as the form asks for it. */
export const DELIVERY_DETAIL_LABELS: Record<DeliveryMethod, string> = {
  mail: 'Mailed to (and tracking number, if any)',
  fax: 'Fax number',
  'secure-email': 'Email address',
  portal: 'Portal account or message',
  'in-person': 'Picked up by (name, and how identity was checked)',
  'electronic-media': 'Medium and who received it',
  courier: 'Courier and tracking number',
};
