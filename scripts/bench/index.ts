import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchImport, NATIONAL_MAX_RSS_MB, NATIONAL_MIN_ROWS_PER_SEC, printImport, SJV_MAX_MS as SJV_IMPORT_MAX_MS, type ImportBench } from "./analytics-import";
import { benchFigures } from "./analytics-figures";
import { assertScale, generateScaleData, type GenerateSummary } from "./generate";
import { FIRST_LOAD_LIMIT_KB, measureFirstLoadJs } from "./js-size";
import { benchRole, ensureBenchUser, makeLeadOfWholePlan, signIn } from "./auth";
import { DISTORTION, waitForQuiet } from "./cpu";
import { loadOptionsFromEnv, loadPage, warm, type LoadOptions, type LoadResult, type Target } from "./load";
import { FLOOR, pickPlanAndPages, type Page } from "./pages";
import { pct, printDataset, printJs, printReport, type DatasetReport, type JsRow, type Row } from "./report";
import { prepareReportData } from "./report-data";
import { benchReport, FREEZE_P99_MAX_MS, REPORT_TOTAL_MAX_MS, type ReportBench } from "./reports";
import { buildId, startServer, stopAllServers, waitForStableBuild } from "./server";

// `npm run bench`: load-tests the production server on the default SJV data
// and on a generated scale data set, checks the targets of the issue, and
// measures first-load JS.
//
// Targets: on SJV every main page serves >= 50% of the floor's requests/s
// (the floor is /status: one trivial SQLite query through the same render
// pipeline, so the ratio isolates what the page itself costs); on the scale
// data p99 < 250 ms; every response 2xx; first-load JS <= 150 kB gzipped.
// Then the quarterly report (reports.ts): compile + web + PDF + XLSX under
// 2 s (SJV) / 10 s (scale), and the dashboard's p99 < 250 ms while PDFs render.
// Exit status: 0 all checks pass; 1 a check fails; 2 none fails but some
// could not be verified because other processes were using the CPUs.
// Env: BENCH_DURATION (s per page, default 5), BENCH_WARMUP (s, default 2),
// BENCH_CONNECTIONS (default 10), BENCH_ROLE (role of the signed-in
// benchmark user, default viewer), BENCH_RERUNS (repeats of a run disturbed
// by other processes, default 2).
// Before the pages, the employment import (analytics-import.ts): 8 SJV files
// in < 3 s; a 3.5-million-row national file at >= 200,000 rows/s in < 500 MB.
// `npm run bench -- analytics` (or BENCH_ONLY=analytics) runs only that part;
// BENCH_IMPORT_RUNS sets its repeats.

const ROOT = process.cwd(); // npm runs scripts from the package root; db/index.ts relies on it too
const SJV_RATIO_MIN = 0.5;
const SCALE_P99_MAX_MS = 250;
const ATTEMPTS = 3;
// The machine is shared (Playwright, builds): a run during which other
// processes took > DISTORTION of the CPUs is repeated once things calm down.
const RERUNS = Number(process.env.BENCH_RERUNS ?? 2);
const QUIET_WAIT_MS = 15_000;
// Total extra time the reruns may add, so a machine that never calms down
// still gets a (flagged) result in bounded time.
let rerunBudgetMs = 180_000;

type Check = (r: LoadResult & { ratio: number }) => string | null;

// Someone rebuilt .next under the running server: its figures (and 500s) mean nothing.
class BuildChanged extends Error {}

function failures(r: LoadResult & { probeError?: string }): string[] {
  const why: string[] = [];
  if (r.probeError) why.push(r.probeError);
  if (r.non2xx) why.push(`${r.non2xx} non-2xx (${JSON.stringify(r.statusCodes)})`);
  if (r.errors) why.push(`${r.errors} errors`);
  if (r.timeouts) why.push(`${r.timeouts} timeouts`);
  if (r.requests === 0) why.push("no request completed");
  return why;
}

// usesFloor: the target is relative to the floor, so a disturbed floor run makes it unverifiable too.
async function benchDataset(name: string, dataDir: string, goal: string, check: Check, usesFloor: boolean, opts: LoadOptions, generation?: GenerateSummary) {
  const build = await waitForStableBuild(ROOT);
  const loadAvgBefore = os.loadavg();
  const t0 = performance.now();
  const server = await startServer(ROOT, dataDir);
  const serverStartMs = Math.round(performance.now() - t0);
  console.log(`\n[${name}] server ${server.url} (build ${build}) ready in ${serverStartMs} ms; load average ${loadAvgBefore.map((x) => x.toFixed(2)).join(" ")}`);
  try {
    const dbFile = path.join(dataDir, "tracker.db");
    const { planId, planSlug, pages } = pickPlanAndPages(dbFile, name === "scale" ? "all" : "overview");
    const role = benchRole();
    const { email, password } = await ensureBenchUser(dbFile, role);
    // The floor is requested signed in too, so it carries the same session cost as the pages.
    const target: Target = { baseUrl: server.url, cookie: await signIn(server.url, email, password), serverGroup: server.pid };
    console.log(`  signed in as ${email} (${role})`);
    // Pages a viewer cannot see are requested as a lead of the whole plan, or as staff.
    const lead = await ensureBenchUser(dbFile, "lead", "bench-lead@bench.invalid");
    const leadActions = makeLeadOfWholePlan(dbFile, lead.userId, planId);
    const admin = await ensureBenchUser(dbFile, "admin", "bench-admin@bench.invalid");
    const targets: Record<NonNullable<Page["as"]>, Target> = {
      lead: { ...target, cookie: await signIn(server.url, lead.email, lead.password) },
      admin: { ...target, cookie: await signIn(server.url, admin.email, admin.password) },
    };
    const targetFor = (p: Page) => (p.as ? targets[p.as] : target);
    console.log(`  "my quarter" is requested as a lead of ${leadActions} actions; tracker and review as staff`);
    const measure = async (p: Page) => {
      const r = await loadPage(targetFor(p), p.label, p.path, opts);
      if (buildId(ROOT) !== build) throw new BuildChanged(`.next changed during the ${name} run (now ${buildId(ROOT) ?? "no build"})`);
      return r;
    };
    const run = async (p: Page) => {
      let r = await measure(p);
      for (let i = 0; i < RERUNS && rerunBudgetMs > 0 && (r.otherCpu ?? 0) > DISTORTION; i++) {
        console.log(`  ${p.label.padEnd(20)} other processes took ${pct(r.otherCpu)} of the CPUs: waiting for quiet, then measuring again`);
        const t = Date.now();
        await waitForQuiet(QUIET_WAIT_MS, server.pid);
        const again = await measure(p);
        rerunBudgetMs -= Date.now() - t;
        if ((again.otherCpu ?? 1) < (r.otherCpu ?? 1)) r = again;
      }
      const bad = failures(r);
      console.log(`  ${p.label.padEnd(20)} ${r.requestsPerSec.toFixed(1).padStart(7)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  other CPU ${pct(r.otherCpu)}${bad.length ? "  !! " + bad.join("; ") : ""}`);
      return r;
    };
    // Every route under load once before anything is measured, so first
    // compilation and cold caches stay out of the measured runs. The server
    // still speeds up for minutes (V8 tiering): the first floor run is
    // typically 15-30% below the last, hence the mean of both.
    for (const p of [FLOOR, ...pages]) await warm(targetFor(p), p.path, opts);
    const results = [await run(FLOOR)];
    for (const p of pages) results.push(await run(p));
    results.push(await run(FLOOR));
    const floorRps = (results[0]!.requestsPerSec + results.at(-1)!.requestsPerSec) / 2;
    const floorBusy = Math.max(results[0]!.otherCpu ?? 0, results.at(-1)!.otherCpu ?? 0);
    const rows: Row[] = results.map((r, i) => {
      const ratio = floorRps ? r.requestsPerSec / floorRps : 0;
      const errors = failures(r);
      const isFloor = i === 0 || i === results.length - 1;
      const miss = isFloor ? null : check({ ...r, ratio });
      // Errors are real whatever the load; a target met or missed while other
      // processes held the CPUs (or the floor's, for a ratio) proves nothing.
      const busy = Math.max(r.otherCpu ?? 0, usesFloor ? floorBusy : 0);
      const verdict = errors.length ? "FAIL" : busy > DISTORTION && !isFloor ? "UNRELIABLE" : miss ? "FAIL" : "PASS";
      const why = [...errors, ...(miss ? [miss] : [])];
      if (verdict === "UNRELIABLE") why.unshift(`other processes took ${pct(busy)} of the CPUs; would ${miss ? "FAIL" : "PASS"}`);
      return { ...r, ratio, verdict, pass: verdict === "PASS", why };
    });
    const js = name === "SJV" ? await measureJs(target, pages.filter((p) => !p.as)) : [];
    // After the page runs, so they measure the data set as it was generated.
    const reports = await benchReportOf(name, dbFile, { id: planId, slug: planSlug }, { ...target, ...pages.find((p) => p.label === "plan dashboard")! }, targets.admin, opts);
    if (buildId(ROOT) !== build) throw new BuildChanged(`.next changed during the ${name} run (now ${buildId(ROOT) ?? "no build"})`);
    const broken = rows.some((r) => failures(r).length) || js.some((s) => s.error) || [reports.verdict, reports.freeze.verdict].includes("FAIL");
    const report: DatasetReport = { name, target: goal, buildId: build, generation, serverStartMs, loadAvgBefore, floorRps, rows };
    // A 500 is only diagnosable with the server's own output.
    if (broken) report.serverLogTail = server.log().split("\n").slice(-40).join("\n");
    return { report, js, reports };
  } finally {
    await server.stop();
  }
}

async function benchReportOf(name: string, dbFile: string, plan: { id: number; slug: string }, page: Target & Page, admin: Target, opts: LoadOptions): Promise<ReportBench> {
  const data = prepareReportData(dbFile, name === "SJV" ? "SJV" : "scale", plan);
  try {
    console.log(`  report data ready in ${data.prepareMs} ms: ${data.acceptedUpdates} updates accepted, ${data.measurements} metric values; draft ${data.action} for ${data.periodLabel}`);
    const r = await benchReport(name, data, page, admin, opts, rerunBudgetMs > 0 ? RERUNS : 0, QUIET_WAIT_MS);
    rerunBudgetMs -= r.freeze.rerunMs;
    return r;
  } finally {
    data.close();
  }
}

async function withBuildRetries<T>(what: string, f: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await f();
    } catch (error) {
      if (!(error instanceof BuildChanged) || attempt >= ATTEMPTS) throw error;
      console.log(`\n${error.message}: waiting for the build to settle, then re-running the ${what} data set (attempt ${attempt + 1} of ${ATTEMPTS}).`);
    }
  }
}

// HTML routes only: the export is a JSON download, it loads no JS.
async function measureJs(target: Target, pages: Page[]): Promise<JsRow[]> {
  const out: JsRow[] = [];
  for (const p of [...pages.filter((p) => !p.path.startsWith("/api/")), FLOOR]) {
    const s = await measureFirstLoadJs(target.baseUrl, target.cookie, p.label, p.path);
    out.push({ ...s, pass: !s.error && s.gzipBytes <= FIRST_LOAD_LIMIT_KB * 1000 });
  }
  return out;
}

// The import checks' share of the exit status and of bench-results/latest.json.
function importOutcome(bench: ImportBench) {
  return { failed: bench.checks.filter((c) => c.verdict === "FAIL").length, unreliable: bench.checks.filter((c) => c.verdict === "UNRELIABLE").length };
}

async function mainImportOnly() {
  const started = Date.now();
  const imports = await benchImport(ROOT);
  imports.checks.push(...(await benchFigures()));
  printImport(imports);
  const { failed, unreliable } = importOutcome(imports);
  const seconds = Math.round((Date.now() - started) / 1000);
  const outDir = path.join(ROOT, "bench-results");
  fs.mkdirSync(outDir, { recursive: true });
  const results = { finishedAt: new Date().toISOString(), seconds, machine: { cpus: os.cpus().length, loadAvgAtEnd: os.loadavg(), node: process.version }, imports, failed, unreliable, passed: failed === 0 && unreliable === 0 };
  fs.writeFileSync(path.join(outDir, "latest-analytics.json"), JSON.stringify(results, null, 2) + "\n");
  const summary = [failed ? `${failed} CHECK(S) FAILED` : "", unreliable ? `${unreliable} check(s) UNRELIABLE (machine busy: rerun when it is quiet)` : ""].filter(Boolean);
  console.log(`\n${summary.length ? summary.join(", ") : "ALL CHECKS PASSED"} in ${seconds} s. Results: bench-results/latest-analytics.json`);
  process.exitCode = failed ? 1 : unreliable ? 2 : 0;
}

async function main() {
  if (process.argv.slice(2).includes("analytics") || process.env.BENCH_ONLY === "analytics") return mainImportOnly();
  const started = Date.now();
  const opts = loadOptionsFromEnv();
  console.log(`Benchmark: ${opts.connections} connections, ${opts.durationSec} s per page after ${opts.warmupSec} s warm-up; ${os.cpus().length} CPUs.`);
  await waitForStableBuild(ROOT);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cat-bench-"));
  const cleanup = () => fs.rmSync(tmp, { recursive: true, force: true });
  let interrupted = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      interrupted = true;
      console.error(`\n${signal}: stopping the server and removing ${tmp}`);
      void stopAllServers().finally(() => (cleanup(), process.exit(130)));
    });
  }

  try {
    // First, while no server competes for the CPUs.
    const imports = await benchImport(ROOT);
  imports.checks.push(...(await benchFigures()));
    // Generated before any server runs so it does not compete for CPU.
    const scaleDir = path.join(tmp, "scale");
    console.log("Generating the scale data set…");
    const generation = generateScaleData(path.join(scaleDir, "tracker.db"));
    assertScale(generation);
    const g = generation;
    const m = g.metricStatuses;
    console.log(`  ${g.plans} plans, ${g.actions} actions, ${g.progressUpdates} progress updates, ${g.organizations} organizations, ${g.reportingPeriods} reporting periods, ${g.metrics} metrics with ${g.measurements} measurements in ${g.ms} ms`);
    console.log(`  metrics today: ${m.on_track} on track, ${m.behind} behind, ${m.off_track} off track, ${m.no_target} without a target, ${m.no_data} without data; ${m.stale} stale`);

    // A fresh empty DATA_DIR per attempt: the server seeds the default SJV plans at start-up.
    let sjvAttempt = 0;
    const sjv = await withBuildRetries("SJV", () =>
      benchDataset("SJV", path.join(tmp, `sjv-${++sjvAttempt}`), `every page >= ${SJV_RATIO_MIN * 100}% of the floor's req/s, all 2xx`, (r) =>
        r.ratio >= SJV_RATIO_MIN ? null : `${(r.ratio * 100).toFixed(0)}% of floor < ${SJV_RATIO_MIN * 100}%`, true, opts),
    );
    // Benchmarks only read, so the scale database can be reused by a retry.
    const scale = await withBuildRetries("scale", () =>
      benchDataset("scale", scaleDir, `p99 < ${SCALE_P99_MAX_MS} ms, all 2xx`, (r) => (r.p99 < SCALE_P99_MAX_MS ? null : `p99 ${r.p99} ms >= ${SCALE_P99_MAX_MS} ms`), false, opts, generation),
    );

    printDataset(sjv.report);
    printDataset(scale.report);
    printJs(sjv.js);
    printReport(sjv.reports);
    printReport(scale.reports);
    printImport(imports);

    const allRows = [...sjv.report.rows, ...scale.report.rows];
    const reportVerdicts = [sjv.reports, scale.reports].flatMap((r) => [r.verdict, r.freeze.verdict]);
    const importCounts = importOutcome(imports);
    const failed = allRows.filter((r) => r.verdict === "FAIL").length + sjv.js.filter((s) => !s.pass).length + reportVerdicts.filter((v) => v === "FAIL").length + importCounts.failed;
    const unreliable = allRows.filter((r) => r.verdict === "UNRELIABLE").length + reportVerdicts.filter((v) => v === "UNRELIABLE").length + importCounts.unreliable;
    const seconds = Math.round((Date.now() - started) / 1000);
    const results = {
      finishedAt: new Date().toISOString(),
      seconds,
      options: opts,
      machine: { cpus: os.cpus().length, loadAvgAtEnd: os.loadavg(), node: process.version },
      targets: { importSjvMaxMs: SJV_IMPORT_MAX_MS, importMinRowsPerSec: NATIONAL_MIN_ROWS_PER_SEC, importMaxRssMb: NATIONAL_MAX_RSS_MB, sjvRatioMin: SJV_RATIO_MIN, scaleP99MaxMs: SCALE_P99_MAX_MS, firstLoadJsMaxKb: FIRST_LOAD_LIMIT_KB, reportTotalMaxMs: REPORT_TOTAL_MAX_MS, reportFreezeP99MaxMs: FREEZE_P99_MAX_MS },
      datasets: [sjv.report, scale.report],
      firstLoadJs: sjv.js,
      reports: [sjv.reports, scale.reports],
      imports,
      failed,
      unreliable,
      passed: failed === 0 && unreliable === 0,
    };
    const outDir = path.join(ROOT, "bench-results");
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, "latest.json"), JSON.stringify(results, null, 2) + "\n");
    const summary = [failed ? `${failed} CHECK(S) FAILED` : "", unreliable ? `${unreliable} check(s) UNRELIABLE (machine busy: rerun when it is quiet)` : ""].filter(Boolean);
    console.log(`\n${summary.length ? summary.join(", ") : "ALL CHECKS PASSED"} in ${seconds} s. Results: bench-results/latest.json`);
    // 1: a target is missed or a page errs; 2: nothing failed, but not everything could be verified.
    process.exitCode = failed ? 1 : unreliable ? 2 : 0;
  } finally {
    if (!interrupted) {
      await stopAllServers();
      cleanup();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
