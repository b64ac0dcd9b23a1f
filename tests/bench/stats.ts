/** Summary statistics for benchmark samples (milliseconds unless said otherwise). */

export type Summary = {
  n: number;
  median: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
};

/**
 * The q-quantile (0…1) of the samples by linear interpolation between closest ranks, so the
 * p95 of 20 samples is not simply the largest one.
 */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new Error('no samples');
  if (q < 0 || q > 1) throw new Error(`quantile out of range: ${q}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below]!;
  const high = sorted[above]!;
  return low + (high - low) * (position - below);
}

export function median(samples: readonly number[]): number {
  return quantile(samples, 0.5);
}

export function summarize(samples: readonly number[]): Summary {
  return {
    n: samples.length,
    median: quantile(samples, 0.5),
    p95: quantile(samples, 0.95),
    p99: quantile(samples, 0.99),
    min: Math.min(...samples),
    max: Math.max(...samples),
  };
}

/** How many times the baseline a figure is (2 = twice the baseline's time or rate). */
export function ratio(figure: number, baseline: number): number | null {
  if (!Number.isFinite(figure) || !Number.isFinite(baseline) || baseline === 0) return null;
  return figure / baseline;
}
