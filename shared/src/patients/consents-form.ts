import {
  type Communication,
  CONSENT_KINDS,
  CONSENT_STATUSES,
  type Consents,
  PRIVACY_NOTICE_METHODS,
  type PrivacyNotice,
} from './consents.schema.ts';
import { isoToForm } from './coverage-form.ts';
import type { FormReader } from './form-reader.ts';
import type { Patient } from './patient.schema.ts';

/**
 * Reads the privacy notice, communication permissions and other consents. An acknowledged
 * notice needs its version, date and method; one not obtained needs the good-faith effort and
 * the reason (45 CFR 164.520(e)). A consent needs its answer, version and date.
 */
export function readConsents(
  r: FormReader,
  today: string,
): Pick<Patient, 'privacyNotice' | 'communication' | 'consents'> {
  return {
    privacyNotice: readPrivacyNotice(r, today),
    communication: readCommunication(r),
    consents: readOtherConsents(r, today),
  };
}

function readPrivacyNotice(r: FormReader, today: string): PrivacyNotice | undefined {
  const fields = [
    'npp.status',
    'npp.version',
    'npp.date',
    'npp.method',
    'npp.effort',
    'npp.reason',
  ];
  if (!r.any(...fields)) return undefined;
  const status = r.choice('npp.status', ['acknowledged', 'not-obtained'] as const, 'Choose whether the acknowledgment was obtained'); // prettier-ignore
  const version = r.text('npp.version', 'Enter the version of the notice that was offered');
  const date = r.date('npp.date', { required: 'Enter the date the notice was offered', notAfter: today, label: 'date' }); // prettier-ignore
  if (status === 'acknowledged') {
    const method = r.choice('npp.method', PRIVACY_NOTICE_METHODS, 'Choose how the acknowledgment was given'); // prettier-ignore
    if (!version || !date || !method) return undefined;
    return { status, version, date, method };
  }
  const effort = r.text('npp.effort', 'Describe the good-faith effort made to get the acknowledgment'); // prettier-ignore
  const reason = r.text('npp.reason', 'Enter why the acknowledgment was not obtained');
  if (!status || !version || !date || !effort || !reason) return undefined;
  return { status, version, date, effort, reason };
}

function readCommunication(r: FormReader): Communication | undefined {
  const communication: Communication = {};
  for (const channel of ['voicemail', 'sms', 'email', 'mail'] as const) {
    const answer = r.yesNo(`comm.${channel}`);
    if (answer !== undefined) communication[channel] = answer;
  }
  const leaveMessageWith = r.text('comm.leaveMessageWith');
  if (leaveMessageWith) communication.leaveMessageWith = leaveMessageWith;
  return Object.keys(communication).length > 0 ? communication : undefined;
}

function readOtherConsents(r: FormReader, today: string): Consents | undefined {
  const consents: Consents = {};
  for (const kind of CONSENT_KINDS) {
    const key = (part: string) => `consent.${kind}.${part}`;
    if (!r.any(key('status'), key('version'), key('date'), key('expires'))) continue;
    const status = r.choice(key('status'), CONSENT_STATUSES, 'Choose the answer');
    const version = r.text(key('version'), 'Enter the version of the form');
    const date = r.date(key('date'), {
      required: 'Enter the date',
      notAfter: today,
      label: 'date',
    });
    const expires = r.date(key('expires'), { label: 'expiry date' });
    if (date && expires && expires < date)
      r.fail(key('expires'), 'The expiry date cannot be before the date given');
    if (status && version && date) consents[kind] = { status, version, date, ...(expires ? { expires } : {}) }; // prettier-ignore
  }
  return Object.keys(consents).length > 0 ? consents : undefined;
}

/** The stored answers back into form fields. */
export function consentsToForm(patient: Partial<Patient>): Record<string, string> {
  const fields: Record<string, string | undefined> = {};
  const notice = patient.privacyNotice;
  if (notice) {
    fields['npp.status'] = notice.status;
    fields['npp.version'] = notice.version;
    fields['npp.date'] = isoToForm(notice.date);
    fields['npp.method'] = notice.method;
    fields['npp.effort'] = notice.effort;
    fields['npp.reason'] = notice.reason;
  }
  const c = patient.communication;
  for (const channel of ['voicemail', 'sms', 'email', 'mail'] as const) {
    const answer = c?.[channel];
    if (answer !== undefined) fields[`comm.${channel}`] = answer ? 'yes' : 'no';
  }
  fields['comm.leaveMessageWith'] = c?.leaveMessageWith;
  for (const kind of CONSENT_KINDS) {
    const consent = patient.consents?.[kind];
    if (!consent) continue;
    fields[`consent.${kind}.status`] = consent.status;
    fields[`consent.${kind}.version`] = consent.version;
    fields[`consent.${kind}.date`] = isoToForm(consent.date);
    if (consent.expires) fields[`consent.${kind}.expires`] = isoToForm(consent.expires);
  }
  return Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
