import type { Machine } from './machine.ts';
import { ratio } from './stats.ts';

/** One measured figure beside the baseline measured in the same run. */
export type Figure = {
  /** What is measured, e.g. "search per keystroke, 100,000 patients — p95". */
  name: string;
  unit: 'ms' | 'docs/s' | 'pushes/s' | 'MiB' | 'KiB' | 'cores' | 'devices' | 'count';
  value: number;
  baseline?: { name: string; value: number };
  /** value ÷ baseline (for times: below 1 is faster than the baseline). */
  ratio?: number | null;
  /** The target for this figure, in words, and whether this run met it. */
  target?: { text: string; met: boolean };
};

export type BenchReport = {
  mode: 'full' | 'quick';
  startedAt: string;
  durationSeconds: number;
  machine: Machine;
  figures: Figure[];
  notes: string[];
};

export function figure(
  name: string,
  unit: Figure['unit'],
  value: number,
  baseline?: { name: string; value: number },
  target?: (ratio: number | null, value: number) => { text: string; met: boolean },
): Figure {
  const r = baseline ? ratio(value, baseline.value) : undefined;
  const out: Figure = { name, unit, value };
  if (baseline) {
    out.baseline = baseline;
    out.ratio = r ?? null;
  }
  if (target) out.target = target(r ?? null, value);
  return out;
}

function formatNumber(value: number): string {
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(value === 0 ? 0 : 2);
}

/** The figures as a plain-text table (Markdown-compatible), for the console and the docs. */
export function formatTable(figures: readonly Figure[]): string {
  const header = ['figure', 'value', 'baseline (same run)', 'baseline value', 'ratio', 'target'];
  const rows = figures.map((f) => [
    f.name,
    `${formatNumber(f.value)} ${f.unit}`,
    f.baseline?.name ?? '',
    f.baseline ? `${formatNumber(f.baseline.value)} ${f.unit}` : '',
    f.ratio === undefined || f.ratio === null ? '' : `${f.ratio.toFixed(2)}×`,
    f.target ? `${f.target.met ? 'met' : 'MISSED'}: ${f.target.text}` : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function formatMachine(machine: Machine): string {
  return [
    `machine: ${machine.cores} cores, ${machine.cpuModel}, ${machine.memoryGiB} GiB, ${machine.platform}`,
    `Node ${machine.node}, Chromium ${machine.chromium}`,
    `load average (1/5/15 min): ${machine.loadAtStart.join(' / ')} at start, ${machine.loadAtEnd.join(' / ')} at end`,
  ].join('\n');
}
