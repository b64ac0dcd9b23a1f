import { describe, expect, it } from 'vitest';
import { createJobRunner, type Scheduler } from './job-runner.ts';

/** A scheduler the test moves by hand: `advance(ms)` fires what is due, in order. */
function manualScheduler() {
  let now = 0;
  const timers: { at: number; fn: () => void; cancelled: boolean }[] = [];
  const scheduler: Scheduler = {
    after(ms, fn) {
      const timer = { at: now + ms, fn, cancelled: false };
      timers.push(timer);
      return () => (timer.cancelled = true);
    },
  };
  /** Lets runs under way finish (and schedule their next turn) before time moves on. */
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  async function advance(ms: number) {
    await settle();
    now += ms;
    for (;;) {
      const due = timers.find((t) => !t.cancelled && t.at <= now);
      if (!due) return;
      due.cancelled = true;
      due.fn();
      await settle();
    }
  }
  return { scheduler, advance };
}

const silent = { error: () => undefined };

describe('the job runner', () => {
  it('runs each job at start and then at its interval, on the clock it is given', async () => {
    const { scheduler, advance } = manualScheduler();
    const seen: string[] = [];
    const runner = createJobRunner({
      jobs: [
        { name: 'tidy', everyMs: 1_000, run: async (now) => void seen.push(now.toISOString()) },
      ],
      clock: () => new Date('2026-12-02T09:00:00.000Z'),
      scheduler,
      log: silent,
    });
    runner.start();
    await advance(0);
    expect(seen).toHaveLength(1);
    await advance(999);
    expect(seen).toHaveLength(1);
    await advance(1);
    expect(seen).toEqual(['2026-12-02T09:00:00.000Z', '2026-12-02T09:00:00.000Z']);
    await runner.stop();
    await advance(10_000);
    expect(seen).toHaveLength(2);
  });

  it('logs a failing run and runs the job again at its next turn', async () => {
    const { scheduler, advance } = manualScheduler();
    const errors: string[] = [];
    let runs = 0;
    const runner = createJobRunner({
      jobs: [{ name: 'flaky', everyMs: 500, run: () => (runs++ === 0 ? Promise.reject(new Error('disk')) : Promise.resolve()) }], // prettier-ignore
      clock: () => new Date(),
      scheduler,
      log: { error: (message, fields) => void errors.push(`${message}: ${String(fields.error)}`) },
    });
    runner.start();
    await advance(0);
    expect(errors).toEqual(['Housekeeping job flaky failed: Error: disk']);
    await advance(500);
    expect(runs).toBe(2);
    await runner.stop();
  });

  it('never runs one job twice at once: a run asked for meanwhile joins the one under way', async () => {
    let release = (): void => undefined;
    let started = 0;
    const runner = createJobRunner({
      jobs: [{ name: 'slow', everyMs: 1_000, run: () => { started++; return new Promise<void>((resolve) => (release = resolve)); } }], // prettier-ignore
      clock: () => new Date(),
      scheduler: manualScheduler().scheduler,
      log: silent,
    });
    const first = runner.runNow('slow');
    const second = runner.runNow('slow');
    release();
    await Promise.all([first, second]);
    expect(started).toBe(1);
    await expect(runner.runNow('missing')).rejects.toThrow('No housekeeping job named missing');
  });
});
