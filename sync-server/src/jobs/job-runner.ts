/**
 * The server's housekeeping, in process: each job runs every so often, one run at a time, on an
 * injected clock and timer so that tests drive it without waiting. A failing run is logged and
 * the job runs again at its next turn (housekeeping must never take the server down). Several
 * instances on one PostgreSQL database each run their jobs: every job is written to be safe to
 * run twice at once (it re-reads what it acts on).
 */
export type Job = {
  name: string;
  everyMs: number;
  run(now: Date): Promise<unknown>;
};

export type Scheduler = {
  /** Calls `fn` after `ms`; returns a function that cancels it. */
  after(ms: number, fn: () => void): () => void;
};

export type JobRunner = {
  /** Runs every job once now (the first turn), then each at its interval. */
  start(): void;
  /** Runs one job now, outside its turn; resolves when it is done (tests, a command). */
  runNow(name: string): Promise<void>;
  /** Cancels every turn to come and waits for runs under way. */
  stop(): Promise<void>;
};

export const realTimers: Scheduler = {
  after(ms, fn) {
    const timer = setTimeout(fn, ms);
    // Housekeeping never keeps the process alive on its own.
    timer.unref();
    return () => clearTimeout(timer);
  },
};

export function createJobRunner(deps: {
  jobs: readonly Job[];
  clock: () => Date;
  scheduler?: Scheduler;
  log: { error(message: string, fields: Record<string, unknown>): void };
}): JobRunner {
  const scheduler = deps.scheduler ?? realTimers;
  const running = new Map<string, Promise<void>>();
  const cancels = new Map<string, () => void>();
  let stopped = false;

  function runOnce(job: Job): Promise<void> {
    // One run of a job at a time: a turn that comes while it runs joins that run.
    const under = running.get(job.name);
    if (under) return under;
    const run = job
      .run(deps.clock())
      .then(() => undefined)
      .catch((error: unknown) =>
        deps.log.error(`Housekeeping job ${job.name} failed`, { error: String(error) }),
      )
      .finally(() => running.delete(job.name));
    running.set(job.name, run);
    return run;
  }

  function turn(job: Job): void {
    if (stopped) return;
    void runOnce(job).then(() => {
      if (!stopped)
        cancels.set(
          job.name,
          scheduler.after(job.everyMs, () => turn(job)),
        );
    });
  }

  return {
    start() {
      for (const job of deps.jobs) turn(job);
    },
    async runNow(name) {
      const job = deps.jobs.find((candidate) => candidate.name === name);
      if (!job) throw new Error(`No housekeeping job named ${name}`);
      await runOnce(job);
    },
    async stop() {
      stopped = true;
      for (const cancel of cancels.values()) cancel();
      await Promise.all(running.values());
    },
  };
}
