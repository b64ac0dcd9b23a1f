import { cpus, loadavg, totalmem } from 'node:os';

export type Machine = {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  chromium: string;
  platform: string;
  /** 1-, 5- and 15-minute load averages when the run started and ended (other work on the box). */
  loadAtStart: number[];
  loadAtEnd: number[];
};

export function describeMachine(chromium: string): Omit<Machine, 'loadAtEnd'> {
  const cpuList = cpus();
  return {
    cores: cpuList.length,
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    chromium,
    platform: `${process.platform} ${process.arch}`,
    loadAtStart: currentLoad(),
  };
}

export function currentLoad(): number[] {
  return loadavg().map((value) => Math.round(value * 100) / 100);
}
