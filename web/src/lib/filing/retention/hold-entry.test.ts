import { describe, expect, it } from 'vitest';
import { placeHoldHref, underHoldWords } from './hold-entry.ts';

const by = { id: 'u1', name: 'Olivia Office' };
// Placed at noon UTC: the same calendar day in every time zone the office could be in.
const hold = (reason: string, at: string) => ({ reason, placed: { at, by } });

describe('the legal hold entry', () => {
  it('opens the form with the document or the patient chosen', () => {
    expect(placeHoldHref({ documentId: 'doc-1' })).toBe('/filing/retention/holds?document=doc-1');
    expect(placeHoldHref({ patientId: 'p 2' })).toBe('/filing/retention/holds?patient=p%202');
  });

  it('says since when and why it is held, naming further holds by number', () => {
    expect(underHoldWords([])).toBeNull();
    expect(underHoldWords([hold('Records request from counsel', '2026-03-05T12:00:00Z')])).toBe(
      'Under legal hold since Mar 5, 2026: Records request from counsel',
    );
    expect(
      underHoldWords([
        hold('Records request from counsel', '2026-03-05T12:00:00Z'),
        hold('Payer audit', '2026-04-01T12:00:00Z'),
      ]),
    ).toBe('Under legal hold since Mar 5, 2026: Records request from counsel (and 1 more hold)');
  });
});
