import fs from "node:fs";

// Measures how much CPU *other* processes took while a load run was going,
// so a figure distorted by, say, a parallel Playwright run is visible in the
// table instead of being mistaken for a slow page. Linux /proc only; returns
// null elsewhere. Both /proc/stat and /proc/<pid>/stat count clock ticks.

export interface CpuSnapshot {
  total: number; // all CPUs, all states
  busy: number; // all CPUs, non-idle
  own: number; // this process + the server's process group
}

export function cpuSnapshot(serverGroup?: number): CpuSnapshot | null {
  try {
    const cpu = fs.readFileSync("/proc/stat", "utf8").split("\n", 1)[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    const total = cpu.reduce((s, x) => s + x, 0);
    const busy = total - cpu[3]! - (cpu[4] ?? 0); // minus idle and iowait
    let own = 0;
    for (const name of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(name)) continue;
      let stat: string;
      try {
        stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      } catch {
        continue; // exited meanwhile
      }
      // Fields after the ")" closing the command name: state ppid pgrp ... utime(11) stime(12).
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(name) === process.pid || (serverGroup !== undefined && Number(f[2]) === serverGroup)) own += Number(f[11]) + Number(f[12]);
    }
    return { total, busy, own };
  } catch {
    return null;
  }
}

// Share of the machine's total CPU capacity used by other processes between two snapshots (0..1).
export function foreignShare(a: CpuSnapshot | null, b: CpuSnapshot | null): number | null {
  if (!a || !b || b.total <= a.total) return null;
  return Math.max(0, b.busy - a.busy - (b.own - a.own)) / (b.total - a.total);
}

// Other processes above this share of the CPUs make a run's figures unreliable.
export const DISTORTION = 0.1;

// Waits (at most maxMs) for a 1 s window in which other processes stay under
// DISTORTION. Returns whether the machine became quiet.
export async function waitForQuiet(maxMs: number, serverGroup?: number): Promise<boolean> {
  const deadline = Date.now() + maxMs;
  do {
    const a = cpuSnapshot(serverGroup);
    await new Promise((r) => setTimeout(r, 1_000));
    const share = foreignShare(a, cpuSnapshot(serverGroup));
    if (share === null || share < DISTORTION) return true;
  } while (Date.now() < deadline);
  return false;
}
