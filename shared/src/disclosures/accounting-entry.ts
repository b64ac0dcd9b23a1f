import {
  DISCLOSURE_PURPOSES,
  needsAccountingEntry,
  type DisclosurePurpose,
} from './disclosure-purposes.ts';

/** A release of a patient's records, as the release-of-information desk records it. */
export interface DisclosureRelease {
  id: string;
  patientId: string;
  /** YYYY-MM-DD: the day the records left the practice. */
  disclosedOn: string;
  purpose: DisclosurePurpose;
  recipient: { name: string; address?: string | undefined };
  /** What was disclosed, briefly ("Office notes and lab results, 2023–2025"). */
  description: string;
  /** Staff's own wording of the purpose; the purpose's standard statement when absent. */
  purposeStatement?: string | undefined;
  /** The written request (a subpoena, an agency's letter), filed as a document. */
  requestDocumentId?: string | undefined;
}

/**
 * One line of a patient's accounting of disclosures, with the fields 45 CFR 164.528(b)(2)
 * requires: (i) the date, (ii) the recipient's name and, if known, address, (iii) a brief
 * description of what was disclosed, and (iv) a statement of the purpose — or, instead, a copy
 * of the written request, which `requestDocumentId` names.
 */
export interface AccountingEntry {
  releaseId: string;
  patientId: string;
  disclosedOn: string;
  recipientName: string;
  recipientAddress: string | null;
  description: string;
  purpose: DisclosurePurpose;
  purposeStatement: string;
  requestDocumentId: string | null;
}

/**
 * The accounting entry a release makes, or null when its purpose is exempt (treatment,
 * payment, operations, to the patient, under their authorization, …: 164.528(a)(1)). Made
 * from the release itself, so it is written in the same change as the release and is never
 * forgotten; its purpose statement states the legal basis unless staff wrote their own.
 */
export function accountingEntryFor(release: DisclosureRelease): AccountingEntry | null {
  if (!needsAccountingEntry(release.purpose)) return null;
  const info: { label: string; citation: string; statement?: string } =
    DISCLOSURE_PURPOSES[release.purpose];
  const standard = `${(info.statement ?? info.label).replace(/\.$/, '')} (${info.citation}).`;
  const address = release.recipient.address?.trim();
  return {
    releaseId: release.id,
    patientId: release.patientId,
    disclosedOn: release.disclosedOn,
    recipientName: release.recipient.name.trim(),
    recipientAddress: address ? address : null,
    description: release.description.trim(),
    purpose: release.purpose,
    purposeStatement: release.purposeStatement?.trim() || standard,
    requestDocumentId: release.requestDocumentId ?? null,
  };
}
