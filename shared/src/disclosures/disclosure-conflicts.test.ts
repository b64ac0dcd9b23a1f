import { describe, expect, it } from 'vitest';
import { disclosureConflicts, releaseRequestConflicts } from './disclosure-conflicts.ts';
import { requestOf } from './release.fixture.ts';

describe('release records in the conflict inbox', () => {
  it('names the request and reads its values as staff do', () => {
    const names = (id: string) => (id === requestOf().patientId ? 'Wrenna Halloway' : undefined);
    expect(releaseRequestConflicts.title(requestOf(), names)).toBe('Request from Dana Whitfield for Wrenna Halloway'); // prettier-ignore
    expect(releaseRequestConflicts.fieldLabel('requester.address')).toBe('Requester’s address');
    expect(releaseRequestConflicts.formatValue('status', 'in-progress')).toBe('In progress');
    expect(releaseRequestConflicts.formatValue('purpose', 'to-the-patient')).toBe('To the patient or their personal representative'); // prettier-ignore
    expect(releaseRequestConflicts.formatValue('receivedOn', '2026-03-02')).toBe('03/02/2026');
    expect(disclosureConflicts.formatValue('delivery', { method: 'fax', detail: '(217) 555-0100' })).toBe('Faxed: (217) 555-0100'); // prettier-ignore
  });

  it('lets a name or a description be typed, within its limits, but not a status', () => {
    expect(releaseRequestConflicts.parseTyped('requester.name', '  Dana  Whitfield ')).toEqual({ ok: true, value: 'Dana Whitfield' }); // prettier-ignore
    expect(disclosureConflicts.parseTyped('description', '')).toEqual({ ok: false, error: 'Enter the description of what was released' }); // prettier-ignore
    expect(releaseRequestConflicts.parseTyped('status', 'released')).toBeNull();
  });
});
