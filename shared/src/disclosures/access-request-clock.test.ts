import { describe, expect, it } from 'vitest';
import { accessRequestClock } from './access-request-clock.ts';

describe('accessRequestClock', () => {
  it('is due 30 days after receipt: still due, not overdue, on day 30', () => {
    const request = { receivedOn: '2026-03-01' };
    expect(accessRequestClock(request, '2026-03-02')).toMatchObject({
      dueOn: '2026-03-31',
      status: 'open',
      daysLeft: 29,
    });
    expect(accessRequestClock(request, '2026-03-25')).toMatchObject({
      status: 'open',
      daysLeft: 6,
    });
    expect(accessRequestClock(request, '2026-03-26')).toMatchObject({
      status: 'due-soon',
      daysLeft: 5,
    });
    expect(accessRequestClock(request, '2026-03-31')).toMatchObject({
      status: 'due-soon',
      daysLeft: 0,
    });
    expect(accessRequestClock(request, '2026-04-01')).toMatchObject({
      status: 'overdue',
      daysLeft: -1,
    });
  });

  it('counts a leap day as a day', () => {
    expect(accessRequestClock({ receivedOn: '2028-02-10' }, '2028-02-10').dueOn).toBe('2028-03-11');
    expect(accessRequestClock({ receivedOn: '2027-02-10' }, '2027-02-10').dueOn).toBe('2027-03-12');
  });

  it('takes one extension of up to 30 days given in writing within the first 30', () => {
    const extension = {
      notifiedOn: '2026-03-31',
      reason: 'Records are in off-site storage',
      days: 30,
    };
    expect(accessRequestClock({ receivedOn: '2026-03-01', extension }, '2026-04-05')).toMatchObject(
      {
        dueOn: '2026-04-30',
        extended: true,
        extensionProblem: null,
        status: 'open',
        daysLeft: 25,
      },
    );
    expect(
      accessRequestClock(
        { receivedOn: '2026-03-01', extension: { ...extension, days: 10 } },
        '2026-04-05',
      ).dueOn,
    ).toBe('2026-04-10');
  });

  it('does not count an extension given late, too long or without a reason', () => {
    const base = { notifiedOn: '2026-03-20', reason: 'Off-site storage' };
    const clock = (extension: { notifiedOn: string; reason: string; days?: number }) =>
      accessRequestClock({ receivedOn: '2026-03-01', extension }, '2026-04-02');
    expect(clock({ ...base, notifiedOn: '2026-04-01' })).toMatchObject({
      dueOn: '2026-03-31',
      extended: false,
      status: 'overdue',
      extensionProblem: { code: 'extension-too-late' },
    });
    expect(clock({ ...base, days: 31 }).extensionProblem?.code).toBe('extension-too-long');
    expect(clock({ ...base, reason: '  ' }).extensionProblem?.code).toBe(
      'extension-without-reason',
    );
  });

  it('says whether the answer went out on time once it has', () => {
    expect(
      accessRequestClock({ receivedOn: '2026-03-01', answeredOn: '2026-03-31' }, '2026-05-01')
        .status,
    ).toBe('answered');
    expect(
      accessRequestClock({ receivedOn: '2026-03-01', answeredOn: '2026-04-01' }, '2026-05-01')
        .status,
    ).toBe('answered-late');
  });

  it("uses a state's shorter period, never a longer one", () => {
    expect(accessRequestClock({ receivedOn: '2026-03-01' }, '2026-03-01', 15).dueOn).toBe(
      '2026-03-16',
    );
    expect(accessRequestClock({ receivedOn: '2026-03-01' }, '2026-03-01', 45).dueOn).toBe(
      '2026-03-31',
    );
  });
});
