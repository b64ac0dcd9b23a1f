import { describe, expect, it } from 'vitest';
import { byUrgency, requestDue } from './request-due.ts';
import { requestOf } from './release.fixture.ts';

const access = (receivedOn: string, id: string) =>
  requestOf({
    id,
    receivedOn,
    purpose: 'to-the-patient',
    basis: { legalBasis: 'Right of access' },
  });

describe('when a request is due', () => {
  it('runs the 30-day clock on a patient’s own request', () => {
    expect(requestDue(access('2026-03-01', 'a'), '2026-03-10')).toMatchObject({ dueOn: '2026-03-31', daysLeft: 21, state: 'open' }); // prettier-ignore
    expect(requestDue(access('2026-03-01', 'a'), '2026-03-28')).toMatchObject({
      state: 'due-soon',
    });
    expect(requestDue(access('2026-03-01', 'a'), '2026-04-01')).toMatchObject({ state: 'overdue', daysLeft: -1 }); // prettier-ignore
  });

  it('takes a subpoena’s own date, and none when it sets none', () => {
    expect(requestDue(requestOf({ respondBy: '2026-03-12' }), '2026-03-10')).toMatchObject({ dueOn: '2026-03-12', state: 'due-soon' }); // prettier-ignore
    expect(requestDue(requestOf(), '2026-03-10')).toMatchObject({
      dueOn: null,
      state: 'no-deadline',
    });
  });

  it('orders open requests overdue first, then by due date, then the rest', () => {
    const today = '2026-04-05';
    const rows = [
      requestOf({ id: 'none', receivedOn: '2026-01-02' }),
      requestOf({ id: 'subpoena', respondBy: '2026-04-20' }),
      access('2026-03-20', 'soon'),
      access('2026-03-01', 'late'),
    ].map((request) => ({ request, due: requestDue(request, today) }));
    expect(rows.sort(byUrgency).map((row) => row.request.id)).toEqual([
      'late',
      'soon',
      'subpoena',
      'none',
    ]);
  });
});
