import autocannon from "autocannon";
import { cpuSnapshot, foreignShare } from "./cpu";

// One load run per page: a short warm-up (JIT, React caches, SQLite page
// cache) that is thrown away, then the measured run. Runs are sequential so
// pages never compete with each other for the server's CPU.

export interface LoadResult {
  label: string;
  path: string;
  requestsPerSec: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  bytesPerRequest: number;
  // Share of all CPUs used by processes other than the benchmark and the server during the run.
  otherCpu: number | null;
}

export interface LoadOptions {
  connections: number;
  durationSec: number;
  warmupSec: number;
}

export function loadOptionsFromEnv(): LoadOptions {
  const num = (name: string, fallback: number) => {
    const v = Number(process.env[name]);
    return Number.isFinite(v) && v > 0 ? v : fallback;
  };
  return { connections: num("BENCH_CONNECTIONS", 10), durationSec: num("BENCH_DURATION", 5), warmupSec: num("BENCH_WARMUP", 1) };
}

// A single request first, so a broken page is reported with its status and
// body instead of only as a non-2xx count.
async function probe(url: string) {
  const res = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(30_000) });
  const body = await res.text();
  return { status: res.status, body };
}

export async function loadPage(baseUrl: string, label: string, path: string, opts: LoadOptions, serverGroup?: number): Promise<LoadResult & { probeError?: string }> {
  const url = baseUrl + path;
  const first = await probe(url);
  const probeError = first.status >= 200 && first.status < 300 ? undefined : `HTTP ${first.status}: ${first.body.replace(/\s+/g, " ").slice(0, 300)}`;
  if (opts.warmupSec > 0) await autocannon({ url, connections: opts.connections, duration: opts.warmupSec });
  const before = cpuSnapshot(serverGroup);
  const r = await autocannon({ url, connections: opts.connections, duration: opts.durationSec, timeout: 30 });
  const otherCpu = foreignShare(before, cpuSnapshot(serverGroup));
  const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count]));
  return {
    label,
    path,
    // Completed requests over the measured wall time: exact even for short
    // runs, where the per-second sample average rounds to whole requests.
    requestsPerSec: r.duration > 0 ? r.requests.total / r.duration : 0,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes,
    bytesPerRequest: r.requests.total ? Math.round(r.throughput.total / r.requests.total) : 0,
    otherCpu,
    probeError,
  };
}
