import { readFileSync } from 'node:fs';

/** Linux reports CPU time in clock ticks; 100 per second on every mainstream kernel config. */
const CLOCK_TICKS_PER_SECOND = 100;

export type CpuSample = { cpuSeconds: number; atMs: number };

/** User + system CPU time the process has used so far (/proc/<pid>/stat fields 14 and 15). */
export function sampleCpu(pid: number): CpuSample {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; the fields after it start past the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return { cpuSeconds: (utime + stime) / CLOCK_TICKS_PER_SECOND, atMs: performance.now() };
}

/** Share of one core used between two samples (1 = one core fully busy). */
export function coresUsed(from: CpuSample, to: CpuSample): number {
  const wallSeconds = (to.atMs - from.atMs) / 1000;
  return wallSeconds > 0 ? (to.cpuSeconds - from.cpuSeconds) / wallSeconds : 0;
}

/** Resident memory of the process in MiB (VmRSS in /proc/<pid>/status). */
export function residentMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) / 1024;
}

/** Samples a process's memory while a phase runs; `stop` returns the largest resident size seen. */
export function watchMemory(pid: number, everyMs = 200): { stop: () => number } {
  let peak = residentMiB(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, residentMiB(pid));
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, residentMiB(pid));
    },
  };
}
