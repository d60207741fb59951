// The machine's load, for the desk bench to state beside its figures: cores, load
// average, and how busy the CPUs were (all processes, not only the bench's) over a
// window, from /proc/stat where there is one.
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

export interface CpuSample {
  busy: number;
  total: number;
}

export function cpuSample(): CpuSample | undefined {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
    const values = ticks.map(Number);
    // user nice system idle iowait irq softirq steal: idle and iowait are the idle ones.
    const idle = (values[3] ?? 0) + (values[4] ?? 0);
    const total = values.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}

/** “CPUs 87% busy” between two samples, or an empty string where /proc/stat is missing. */
export function busySince(start: CpuSample | undefined): string {
  const end = cpuSample();
  if (!start || !end || end.total === start.total) return '';
  return `CPUs ${Math.round((100 * (end.busy - start.busy)) / (end.total - start.total))}% busy (all processes)`;
}

export function loadLine(): string {
  return `load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores`;
}
