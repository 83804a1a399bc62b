/** The CPU time of another process (a spawned sandbox), for benchmarks that must count it apart. */
import { readFileSync } from 'node:fs';

/**
 * CPU seconds (user + system) a process has used, from /proc/<pid>/stat
 * (fields 14 and 15, in clock ticks of 1/100 s, the Linux default); -1 when
 * it cannot be read.
 */
export function processCpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return -1;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return -1;
  }
}
