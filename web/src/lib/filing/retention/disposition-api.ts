import { api, syncHeaders } from '../../api/client.ts';
import { type ApiOutcome, requestJson, type SuccessBody } from '../../api/http.ts';

/**
 * The disposition review lives on the server (ADR 19): it alone holds every document, rule,
 * hold and visit it judges by, and it alone destroys. Both calls are the office manager's.
 */

const getDisposition = (deviceId: string) =>
  api.filing.disposition.$get({}, { headers: syncHeaders(deviceId) });

/** The review as the server sends it: due, held, and what it cannot date. */
export type DispositionList = SuccessBody<Awaited<ReturnType<typeof getDisposition>>>;
export type DueEntry = DispositionList['due'][number];

export function fetchDisposition(deviceId: string): Promise<ApiOutcome<DispositionList>> {
  return requestJson(() => getDisposition(deviceId));
}

/** Destroys one document that is due; refused (409) while held or not yet due. */
export function destroyDocument(
  deviceId: string,
  documentId: string,
): Promise<ApiOutcome<{ destroyed: string; seq: number }>> {
  // The client puts a path parameter in as it is given: encoded here, as a path segment.
  return requestJson(() =>
    api.filing.documents[':id'].destroy.$post(
      { param: { id: encodeURIComponent(documentId) } },
      { headers: syncHeaders(deviceId) },
    ),
  );
}
