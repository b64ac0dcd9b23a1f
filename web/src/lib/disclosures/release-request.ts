/**
 * What a release of information is made from, as the request screen gathers it. These are
 * structural types kept minimal on purpose: the request as a record, its purposes and the
 * accounting rules are `shared/src/disclosures/`'s, and any record that has these fields can be
 * handed in. Dates are ISO days (`YYYY-MM-DD`); every text is shown as written.
 */

export type Practice = {
  name: string;
  /** Lines as on an envelope: street, then city, state and ZIP. */
  address: string;
  phone: string;
};

export type ReleasedPatient = { name: string; birthDate: string; chartNumber: string };

/**
 * Why the practice may release: the patient's signed authorization (45 CFR 164.508), which
 * expires on a date or an event, or a basis that needs none (a subpoena with its order, the
 * patient's own right of access, a report the law requires), named as the office knows it.
 */
export type ReleaseBasis =
  | { kind: 'authorization'; signedOn: string; expiresOn?: string; expiryEvent?: string }
  | { kind: 'legal'; label: string };

export type ReleaseRequest = {
  id: string;
  requester: { name: string; organisation?: string; address: string };
  patient: ReleasedPatient;
  /** The purpose as staff chose it ("Legal proceedings", "Continuity of care"). */
  purpose: string;
  basis: ReleaseBasis;
  requestedOn: string;
  releasedOn: string;
  /** The staff member who prepared the package, as they sign. */
  preparedBy: string;
  /**
   * The pages include records of a substance use disorder program under 42 CFR Part 2: the
   * cover carries its notice that the recipient may not redisclose them. Which records are
   * Part 2 records is for the caller (their category) to say; nothing here guesses it.
   */
  substanceUseRecords?: boolean;
};

export type ReleaseDocumentType = 'application/pdf' | 'image/jpeg' | 'image/png';

export type ReleaseDocument = {
  title: string;
  documentDate: string;
  bytes: Uint8Array;
  type: ReleaseDocumentType;
};
