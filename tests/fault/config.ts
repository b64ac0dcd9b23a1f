/** The suite's settings, from the environment (documented in convergence.test.ts). */
export type FaultConfig = {
  seed: number;
  scale: number;
  devices: number;
  steps: number;
  /** Server SIGKILLs during the run (each followed by a restart on the same data). */
  kills: number;
  /** Longest wait for every device to agree with the server once faults stop. */
  convergeDeadlineMs: number;
  /** How often each device pulls, standing in for the live stream. */
  pollMs: number;
  /** Longest pause between two operations. */
  maxPauseMs: number;
  /** Self-test: install RxDB's default conflict handler, which drops the device's edit. */
  selfTestDropHandler: boolean;
  /** Write a JSON-lines trace of the run (see trace.ts). */
  trace: boolean;
};

export const DEFAULT_SEED = 20260302;

export function readFaultConfig(env: Record<string, string | undefined>): FaultConfig {
  const seed = wholeNumber(env.FAULT_SEED, DEFAULT_SEED, 'FAULT_SEED');
  const scale = Math.max(1, wholeNumber(env.FAULT_SCALE, 1, 'FAULT_SCALE'));
  return {
    seed,
    scale,
    // Each device is a worker thread with its own database (RxDB's 13 collections per process).
    devices: scale > 1 ? 10 : 5,
    steps: 360 * scale,
    kills: scale > 1 ? 2 + scale : 3,
    convergeDeadlineMs: 60_000 + 6_000 * (scale - 1),
    pollMs: 300,
    maxPauseMs: 100,
    selfTestDropHandler: env.FAULT_SELFTEST_DROP_HANDLER === '1',
    trace: env.FAULT_TRACE === '1',
  };
}

function wholeNumber(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{1,10}$/.test(raw)) throw new Error(`${name} must be a whole number (got ${raw})`);
  return Number(raw);
}
