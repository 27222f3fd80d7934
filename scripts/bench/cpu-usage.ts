/**
 * CPU time of the processes in a benchmark, from Linux's /proc (clock ticks of 10 ms), so a
 * report can say which process was busy. Elsewhere every reading is undefined and nothing is printed.
 */
import { readdirSync, readFileSync } from 'node:fs';

const msPerTick = 10;

/** CPU time (user + system) of one process so far, in ms. */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * msPerTick;
  } catch {
    return undefined;
  }
}

/**
 * CPU time (user + system) of this process and of every child process it has waited for (which
 * covers the tools the speech builder starts), in ms; undefined off Linux.
 */
export function ownAndChildrenCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // utime, stime, cutime, cstime are fields 14–17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index]), 0) * msPerTick;
  } catch {
    return undefined;
  }
}

/** CPU time of each process named `name` (e.g. the PostgreSQL backends), by pid, in ms. */
export function cpuMsOfProcessesNamed(name: string): Map<number, number> | undefined {
  try {
    const byPid = new Map<number, number>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== name) continue;
        const cpu = processCpuMs(Number(entry));
        if (cpu !== undefined) byPid.set(Number(entry), cpu);
      } catch {
        // The process ended while we looked.
      }
    }
    return byPid;
  } catch {
    return undefined;
  }
}

/** CPU used between two readings by processes seen at the end (those started meanwhile count from zero; those that ended are lost). */
function cpuMsBetween(start: Map<number, number>, end: Map<number, number>): number {
  let total = 0;
  for (const [pid, cpu] of end) total += Math.max(0, cpu - (start.get(pid) ?? 0));
  return total;
}

/** Busy and total CPU time of the whole machine so far, in ms (summed over cores). */
export function machineCpuMs(): { busy: number; total: number } | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const values = line.trim().split(/\s+/).slice(1).map(Number);
    const total = values.slice(0, 8).reduce((sum, value) => sum + value, 0);
    const idle = (values[3] ?? 0) + (values[4] ?? 0);
    return { busy: (total - idle) * msPerTick, total: total * msPerTick };
  } catch {
    return undefined;
  }
}

/** Who used how much CPU between `start` and `stop`, as shares of one core. */
export interface CpuShares {
  hub?: number;
  loadGenerator: number;
  postgres?: number;
  /** Share of all cores that were busy (any process). */
  machineBusy?: number;
}

/** Starts a CPU reading; `stop()` returns the shares over the elapsed wall time. */
export function startCpuReading(hubPid: number, withPostgres: boolean): { stop(): CpuShares } {
  const wallStart = performance.now();
  const hubStart = processCpuMs(hubPid);
  const selfStart = process.cpuUsage();
  const postgresStart = withPostgres ? cpuMsOfProcessesNamed('postgres') : undefined;
  const machineStart = machineCpuMs();
  return {
    stop: () => {
      const wall = performance.now() - wallStart;
      const self = process.cpuUsage(selfStart);
      const hubEnd = processCpuMs(hubPid);
      const postgresEnd = withPostgres ? cpuMsOfProcessesNamed('postgres') : undefined;
      const machineEnd = machineCpuMs();
      const shares: CpuShares = { loadGenerator: (self.user + self.system) / 1000 / wall };
      if (hubStart !== undefined && hubEnd !== undefined) shares.hub = (hubEnd - hubStart) / wall;
      if (postgresStart && postgresEnd) shares.postgres = cpuMsBetween(postgresStart, postgresEnd) / wall;
      if (machineStart && machineEnd && machineEnd.total > machineStart.total)
        shares.machineBusy = (machineEnd.busy - machineStart.busy) / (machineEnd.total - machineStart.total);
      return shares;
    },
  };
}
