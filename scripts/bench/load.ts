import autocannon from "autocannon";
import { cpuSnapshot, foreignShare } from "./cpu";

// One load run per page: a warm-up (JIT, React caches, SQLite page cache)
// that is thrown away, then the measured run. A cold server measured ~40%
// below its warm throughput for its first seconds, hence 2 s by default.
// Runs are sequential so pages never compete for the server's CPU.

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
  return { connections: num("BENCH_CONNECTIONS", 10), durationSec: num("BENCH_DURATION", 5), warmupSec: num("BENCH_WARMUP", 2) };
}

export interface Target {
  baseUrl: string;
  cookie: string; // the signed-in session, sent with every request
  serverGroup?: number;
}

// What a failed response says, in one line: an HTML error page by its
// heading (or title), not its markup; a 404 with a hint, as it usually means
// the route is not in this build (a page the benchmark expects has not landed).
export function failureSummary(status: number, contentType: string | null, body: string): string {
  const text = (html: string) => html.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
  let said = body.replace(/\s+/g, " ").trim();
  if (/html/i.test(contentType ?? "")) {
    const heading = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(body)?.[1] ?? /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(body)?.[1];
    said = text(heading ?? body.replace(/<(head|script|style)\b[\s\S]*?<\/\1>/gi, ""));
  }
  const hint = status === 404 ? " (no such page in this build, or no such record)" : "";
  return `HTTP ${status}${hint}: ${said.slice(0, 300)}`;
}

// A single request first, so a broken page is reported with its status and
// body (or redirect target) instead of only as a non-2xx count.
async function probe(url: string, cookie: string) {
  const res = await fetch(url, { redirect: "manual", headers: { Cookie: cookie }, signal: AbortSignal.timeout(30_000) });
  // Read even when fine: an unread body holds its connection open.
  const body = await res.text();
  if (res.ok) return undefined;
  if (res.status >= 300 && res.status < 400) return `HTTP ${res.status}: redirect to ${res.headers.get("location")}`;
  return failureSummary(res.status, res.headers.get("content-type"), body);
}

// What a browser sends: Next compresses responses (compress: true by
// default), and that CPU is part of what a real visitor costs the server.
const headersFor = (target: Target) => ({ cookie: target.cookie, "accept-encoding": "gzip, deflate, br" });

// Load that is thrown away: lets V8 optimise the shared render path before anything is measured.
export async function warm(target: Target, path: string, opts: LoadOptions) {
  if (opts.warmupSec > 0) await autocannon({ url: target.baseUrl + path, headers: headersFor(target), connections: opts.connections, duration: opts.warmupSec });
}

export async function loadPage(target: Target, label: string, path: string, opts: LoadOptions): Promise<LoadResult & { probeError?: string }> {
  const url = target.baseUrl + path;
  const headers = headersFor(target);
  const probeError = await probe(url, target.cookie);
  await warm(target, path, opts);
  const before = cpuSnapshot(target.serverGroup);
  const r = await autocannon({ url, headers, connections: opts.connections, duration: opts.durationSec, timeout: 30 });
  const otherCpu = foreignShare(before, cpuSnapshot(target.serverGroup));
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
