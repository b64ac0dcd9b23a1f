import { describe, expect, it } from 'vitest';
import { describeChanges, patientHistory } from './patient-history.ts';

const v1 = {
  id: 'p1',
  givenName: 'Ada',
  familyName: 'Quill',
  dateOfBirth: '1980-05-17',
  sex: 'female',
  address: { line1: '1 Elm St', city: 'Salem', state: 'OR', postalCode: '97301' },
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
  _deleted: false,
};
const tablet = '0195a0c4-3333-7000-8000-00000000000a';

describe('change history', () => {
  it('names each changed field by its form label, with both values as staff read them', () => {
    const v2 = {
      ...v1,
      phone: '+15552010147',
      address: { ...v1.address, city: 'Eugene' },
      updatedAt: '2026-03-02T08:00:00.000Z',
    };
    expect(describeChanges(v1, v2)).toEqual([
      { path: 'address.city', label: 'City', before: 'Salem', after: 'Eugene' },
      { path: 'phone', label: 'Preferred phone', before: '(empty)', after: '(555) 201-0147' },
    ]);
  });

  it('tells registration, edits and removal apart, and credits the server’s writer, not the stamp', () => {
    const v2 = {
      ...v1,
      familyName: 'Quill-Adams',
      updatedAt: '2026-03-02T08:00:00.000Z',
      editedBy: { userId: 'u2', name: 'Rosa Diaz', deviceId: tablet },
    };
    const v3 = { ...v2, _deleted: true };
    const history = patientHistory([
      { seq: 1, data: v1, serverTime: new Date('2026-03-01T10:00:05Z'), userName: null, deviceId: 'seed' },
      { seq: 7, data: v2, serverTime: new Date('2026-03-02T09:30:00Z'), userName: 'Omar Reyes', deviceId: tablet, deviceName: 'Front desk tablet 2' },
      { seq: 9, data: v3, serverTime: new Date('2026-03-02T09:31:00Z'), userName: 'Omar Reyes', deviceId: tablet },
    ]); // prettier-ignore
    expect(history.map((entry) => entry.kind)).toEqual(['registered', 'changed', 'removed']);
    expect(history[0]?.changes.map((c) => c.label)).toContain('Date of birth');
    expect(history[1]).toEqual({
      seq: 7,
      kind: 'changed',
      changes: [{ path: 'familyName', label: 'Last name', before: 'Quill', after: 'Quill-Adams' }],
      // Made offline at 08:00 on the tablet, received at 09:30.
      editedAt: '2026-03-02T08:00:00.000Z',
      syncedAt: '2026-03-02T09:30:00.000Z',
      // The document's stamp says Rosa Diaz; the server's session was Omar's, on his tablet.
      by: {
        kind: 'staff',
        name: 'Omar Reyes',
        deviceId: tablet,
        deviceName: 'Front desk tablet 2',
      },
    });
    // What the server set up itself (the demo clinic) names no person and no device "seed".
    expect(history[0]?.by).toEqual({ kind: 'setup' });
    expect(history[2]?.changes).toEqual([]);
  });
});
