import { describe, expect, it } from 'vitest';
import { accountingEntryFor } from './accounting-entry.ts';
import {
  DISCLOSURE_PURPOSE_IDS,
  DISCLOSURE_PURPOSES,
  needsAccountingEntry,
  type DisclosurePurpose,
} from './disclosure-purposes.ts';

/** 45 CFR 164.528(a)(1): the disclosures an accounting leaves out, each with its clause. */
const EXEMPT: [DisclosurePurpose, string][] = [
  ['treatment', '164.528(a)(1)(i)'],
  ['payment', '164.528(a)(1)(i)'],
  ['health-care-operations', '164.528(a)(1)(i)'],
  ['to-the-patient', '164.528(a)(1)(ii)'],
  ['incident-to-permitted', '164.528(a)(1)(iii)'],
  ['patient-authorization', '164.528(a)(1)(iv)'],
  ['directory-or-involved-persons', '164.528(a)(1)(v)'],
  ['national-security', '164.528(a)(1)(vi)'],
  ['correctional-custody', '164.528(a)(1)(vii)'],
  ['limited-data-set', '164.528(a)(1)(viii)'],
];
/** The 164.512 disclosures a front office makes that the accounting must list. */
const REQUIRED: [DisclosurePurpose, string][] = [
  ['court-order-or-subpoena', '164.512(e)'],
  ['law-enforcement', '164.512(f)'],
  ['public-health', '164.512(b)'],
  ['health-oversight', '164.512(d)'],
  ['abuse-neglect', '164.512(c)'],
  ['research-without-authorization', '164.512(i)'],
  ['decedent-coroner', '164.512(g)'],
  ['workers-compensation', '164.512(l)'],
  ['required-by-law', '164.512(a)'],
  ['serious-threat', '164.512(j)'],
];

const release = (purpose: DisclosurePurpose) => ({
  id: 'rel-1',
  patientId: 'p-1',
  disclosedOn: '2026-03-02',
  purpose,
  recipient: { name: 'Synthetic & Partners LLP', address: '1 Example Way, Springfield' },
  description: 'Office notes 2024–2025',
});

describe('disclosure purposes', () => {
  it.each(EXEMPT)('%s is exempt from the accounting (%s)', (purpose, clause) => {
    expect(needsAccountingEntry(purpose)).toBe(false);
    expect(DISCLOSURE_PURPOSES[purpose].citation).toContain(clause);
    expect(accountingEntryFor(release(purpose))).toBeNull();
  });

  it.each(REQUIRED)('%s makes an accounting entry (%s)', (purpose, citation) => {
    expect(needsAccountingEntry(purpose)).toBe(true);
    expect(DISCLOSURE_PURPOSES[purpose].citation).toBe(`45 CFR ${citation}`);
    expect(accountingEntryFor(release(purpose))?.purposeStatement).toContain(citation);
  });

  it('lists every purpose in one table or the other, each with a label staff read', () => {
    expect([...EXEMPT, ...REQUIRED].map(([purpose]) => purpose).sort()).toEqual(
      [...DISCLOSURE_PURPOSE_IDS].sort(),
    );
    for (const id of DISCLOSURE_PURPOSE_IDS)
      expect(DISCLOSURE_PURPOSES[id].label.length).toBeGreaterThan(5);
  });
});
