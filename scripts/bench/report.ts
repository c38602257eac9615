import { DISTORTION } from "./cpu";
import type { GenerateSummary } from "./generate";
import { FIRST_LOAD_LIMIT_KB, type JsSize } from "./js-size";
import type { LoadResult } from "./load";
import { FREEZE_CONNECTIONS, PDF_CLIENTS, type Fetched, type ReportBench } from "./reports";

// Console tables for the results; the same objects go to bench-results/latest.json.

export type Row = LoadResult & { probeError?: string; ratio: number; verdict: "PASS" | "FAIL" | "UNRELIABLE"; pass: boolean; why: string[] };

export interface DatasetReport {
  name: string;
  target: string;
  buildId: string;
  generation?: GenerateSummary;
  serverStartMs: number;
  loadAvgBefore: number[];
  floorRps: number;
  rows: Row[];
  serverLogTail?: string;
}

export type JsRow = JsSize & { pass: boolean };

const kb = (bytes: number) => (bytes / 1000).toFixed(1);
export const pct = (share: number | null) => (share === null ? "n/a" : `${Math.round(share * 100)}%`);

export function printColumns(head: string[], body: string[][], rightAligned: number[]) {
  // The last column (the verdict) is left unpadded so long failure reasons don't widen the table.
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (i === head.length - 1 ? 0 : r[i]!.length))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : rightAligned.includes(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ");
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of body) console.log(line(r));
}

export function printDataset(d: DatasetReport) {
  const floors = d.rows.filter((r) => r.path === "/status").map((f) => f.requestsPerSec.toFixed(1));
  console.log(`\n=== ${d.name} data — target: ${d.target}; floor = ${d.floorRps.toFixed(1)} req/s (mean of ${floors.join(" and ")}) ===`);
  printColumns(
    ["page", "path", "req/s", "p50 ms", "p99 ms", "vs floor", "other CPU", "result"],
    d.rows.map((r) => [r.label, r.path, r.requestsPerSec.toFixed(1), String(r.p50), String(r.p99), `${(r.ratio * 100).toFixed(0)}%`, pct(r.otherCpu), r.why.length ? `${r.verdict}: ${r.why.join("; ")}` : r.verdict]),
    [2, 3, 4, 5, 6],
  );
  const busy = d.rows.filter((r) => (r.otherCpu ?? 0) > DISTORTION);
  if (busy.length)
    console.log(`Warning: other processes used > ${DISTORTION * 100}% of the CPUs during ${busy.length} of ${d.rows.length} runs ("other CPU"): those figures understate the app and are marked UNRELIABLE; rerun on a quiet machine.`);
  if (d.serverLogTail) console.log(`Server output (tail) after the failures above:\n${d.serverLogTail}`);
}

export function printJs(rows: JsRow[]) {
  console.log(`\n=== First-load JS per route (gzip -9 of every <script src> in the route's HTML; target <= ${FIRST_LOAD_LIMIT_KB} kB) ===`);
  printColumns(
    ["route", "path", "scripts", "raw kB", "gzip kB", "result"],
    rows.map((s) => [s.label, s.path, String(s.scripts), kb(s.rawBytes), kb(s.gzipBytes), s.pass ? "PASS" : `FAIL: ${s.error ?? `${kb(s.gzipBytes)} kB > ${FIRST_LOAD_LIMIT_KB} kB`}`]),
    [2, 3, 4],
  );
}

const runs = (list: (number | Fetched)[]) => list.map((x) => (typeof x === "number" ? x : x.error ? `${x.ms} (${x.error})` : x.ms)).join(" / ");
const sizeOf = (list: Fetched[]) => (list.find((f) => !f.error) ? `${kb(list.find((f) => !f.error)!.bytes)} kB` : "");
const verdictText = (v: string, why: string[]) => (why.length ? `${v}: ${why.join("; ")}` : v);

export function printReport(r: ReportBench) {
  const t = r.timings;
  const f = r.freeze;
  console.log(`\n=== Quarterly report, ${r.dataset} data (${r.periodLabel}, ${r.acceptedUpdates} updates accepted for it; ${r.reportPath}) — target: compile + web + PDF + XLSX < ${r.limitMs / 1000} s; ${f.page} p99 < 250 ms while PDFs render ===`);
  printColumns(
    ["measure", "ms (first / again)", "detail", "other CPU", "result"],
    [
      ["compile (refresh the draft)", runs(t.compileMs), "report service, in the bench process", "", ""],
      ["draft web page (admin)", runs(t.web), sizeOf(t.web), "", ""],
      ["PDF download (draft)", runs(t.pdf), `${sizeOf(t.pdf)}${t.pdfPages === null ? "" : `, ${t.pdfPages} pages`}`, "", ""],
      ["XLSX download (draft)", runs(t.xlsx), sizeOf(t.xlsx), "", ""],
      ["total (slowest of each)", String(r.totalMs), `target < ${r.limitMs} ms`, pct(t.otherCpu), verdictText(r.verdict, r.why)],
      [`${f.alone.label} p99, alone`, String(f.alone.p99), `${FREEZE_CONNECTIONS} connections: ${f.alone.requestsPerSec.toFixed(1)} req/s, p50 ${f.alone.p50} ms`, pct(f.alone.otherCpu), "for comparison"],
      [
        `${f.underLoad.label} p99, PDFs rendering`,
        String(f.underLoad.p99),
        `${f.underLoad.requestsPerSec.toFixed(1)} req/s, p50 ${f.underLoad.p50} ms; ${PDF_CLIENTS} PDF clients: ${f.pdf.rendered} PDFs, mean ${f.pdf.meanMs} ms, max ${f.pdf.maxMs} ms`,
        pct(f.underLoad.otherCpu),
        verdictText(f.verdict, f.why),
      ],
    ],
    [1, 3],
  );
}
