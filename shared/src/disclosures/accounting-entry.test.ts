import { describe, expect, it } from 'vitest';
import { accountingEntryFor } from './accounting-entry.ts';

const subpoena = {
  id: 'rel-7',
  patientId: 'p-1',
  disclosedOn: '2026-03-02',
  purpose: 'court-order-or-subpoena' as const,
  recipient: { name: '  Synthetic & Partners LLP ', address: '1 Example Way, Springfield' },
  description: ' Office notes and billing records, 2024–2025 ',
  requestDocumentId: 'doc-subpoena',
};

describe('accountingEntryFor', () => {
  it('makes the entry 164.528(b)(2) asks for from a release under subpoena', () => {
    expect(accountingEntryFor(subpoena)).toEqual({
      releaseId: 'rel-7',
      patientId: 'p-1',
      disclosedOn: '2026-03-02',
      recipientName: 'Synthetic & Partners LLP',
      recipientAddress: '1 Example Way, Springfield',
      description: 'Office notes and billing records, 2024–2025',
      purpose: 'court-order-or-subpoena',
      purposeStatement:
        'Disclosed in response to a court order, subpoena or other lawful process (45 CFR 164.512(e)).',
      requestDocumentId: 'doc-subpoena',
    });
  });

  it("keeps staff's own purpose statement, and no address when none is known", () => {
    const entry = accountingEntryFor({
      ...subpoena,
      recipient: { name: 'County Health Department', address: ' ' },
      purpose: 'public-health',
      purposeStatement: 'Reportable disease notification',
      requestDocumentId: undefined,
    });
    expect(entry).toMatchObject({
      recipientAddress: null,
      purposeStatement: 'Reportable disease notification',
      requestDocumentId: null,
    });
  });

  it('makes none for a release to the patient or under their authorization', () => {
    expect(accountingEntryFor({ ...subpoena, purpose: 'to-the-patient' })).toBeNull();
    expect(accountingEntryFor({ ...subpoena, purpose: 'patient-authorization' })).toBeNull();
  });
});
