import type { Random } from './random.ts';

const START = Date.UTC(2026, 2, 2, 9, 0, 0);
const STEP_MS = 4_000;

/**
 * The devices' wall clocks, driven by the step number rather than real time so that a seed
 * replays. Some devices run minutes fast or slow: ClinicDesk must not order sync by clocks, and
 * `updatedAt` only decides which edit stamp a merged document shows.
 */
export class SimClock {
  private readonly skewMs: number[];
  private tick = 0;

  constructor(rng: Random, devices: number) {
    this.skewMs = Array.from({ length: devices }, () =>
      rng.chance(0.4) ? rng.int(-90, 90) * 60_000 : 0,
    );
  }

  /** Milliseconds on `device`'s clock at `step`; never the same instant twice. */
  nowMs(device: number, step: number): number {
    this.tick++;
    return START + step * STEP_MS + (this.skewMs[device] ?? 0) + this.tick;
  }

  now(device: number, step: number): Date {
    return new Date(this.nowMs(device, step));
  }
}
