import { describe, expect, it } from "vitest";
import type { MetricStatus } from "@/lib/metrics/status";
import { jobsChart, smallReport } from "@/lib/test/report-fixtures";
import type { ReportMetric } from "./compiled";
import { buildReportDocument, CHARTS_PER_CLUSTER, chartedMetrics, deltaSentence, documentTables, featurableUpdates, type ReportBlock, type ReportDocSection } from "./document";
import { REPORT_SECTIONS } from "./schema";

const blocks = (s: ReportDocSection): ReportBlock[] => [...s.blocks, ...s.children.flatMap(blocks)];
const narratives = (s: ReportDocSection) => blocks(s).filter((b) => b.kind === "narrative").map((b) => (b.kind === "narrative" ? b.heading : ""));

describe("the report document", () => {
  it("follows the staff's section order and leaves out empty staff sections", () => {
    const order = ["asks", ...REPORT_SECTIONS.filter((s) => s !== "asks")];
    const doc = buildReportDocument(smallReport({ sectionOrder: order, texts: { introduction: " ", highlights: "", asks: "Approve it.", clusterNotes: {} }, featuredUpdateIds: [] }));
    expect(doc.sections.map((s) => s.id)).toEqual(["asks", "summary", "priorities", "clusters", "attention", "next-steps", "appendix"]);
    // An order missing sections (an older draft) gets them at the end, in the default order.
    expect(buildReportDocument(smallReport({ sectionOrder: ["appendix"] })).sections.map((s) => s.id)[0]).toBe("appendix");
  });

  it("prints accepted narratives only, and features the chosen ones under Highlights", () => {
    const doc = buildReportDocument(smallReport());
    const clusters = doc.sections.find((s) => s.id === "clusters")!;
    // EN-2's update is submitted, not reviewed: it is not printed anywhere.
    expect(narratives(clusters)).toEqual(["EN-1 Train solar installers", "HW-2 Recruit nurses"]);
    expect(narratives(doc.sections.find((s) => s.id === "highlights")!)).toEqual(["EN-1 Train solar installers"]);
    expect(featurableUpdates(smallReport().compiled).map((a) => a.code)).toEqual(["EN-1", "HW-2"]);
    // A featured update that is no longer printable drops out.
    const none = buildReportDocument(smallReport({ featuredUpdateIds: [1002], texts: { ...smallReport().texts, highlights: "" } }));
    expect(none.sections.find((s) => s.id === "highlights")).toBeUndefined();
  });

  it("puts the figures into tables: counts with their changes, shares, completeness", () => {
    const doc = buildReportDocument(smallReport());
    const tables = Object.fromEntries(documentTables(doc).map((t) => [t.id, t]));
    expect(tables["status-overall"]!.rows[1]).toEqual(["On track", 2, "+1", 33.3]);
    expect(tables["status-by-cluster"]!.rows.at(-1)).toEqual(["All actions", { n: 1, delta: -1 }, { n: 2, delta: 1 }, { n: 1, delta: -2 }, { n: 1, delta: 1 }, { n: 1, delta: 1 }, { n: 0, delta: 0 }, 6]);
    expect(tables["work-groups"]!.rows).toEqual([
      ["Energy work group", 2, 2, 100],
      ["Health work group", 3, 1, 33.3],
    ]);
    expect(tables["attention-at-risk"]!.rows.map((r) => r[0])).toEqual(["EN-2", "HW-2"]);
    // Table ids are unique: they name the XLSX sheets.
    expect(new Set(Object.keys(tables)).size).toBe(documentTables(doc).length);
  });

  it("says period-over-period changes in words", () => {
    expect(deltaSentence({ not_started: -1, on_track: 3, at_risk: -2, off_track: 0, completed: 0, deferred: 0 })).toBe("−1 not started, +3 on track, −2 at risk");
    expect(deltaSentence({ not_started: 0, on_track: 0, at_risk: 0, off_track: 0, completed: 0, deferred: 0 })).toBe("no status changes");
    const first = smallReport();
    first.compiled.previousPeriod = null;
    const summary = buildReportDocument(first).sections.find((s) => s.id === "summary")!;
    expect(summary.blocks[0]).toEqual({ kind: "paragraph", text: "3 of 6 actions (50%) were updated for 2026 Q4. This is the plan's first reporting period, so there are no changes to compare." });
  });
});

describe("chartedMetrics", () => {
  const metric = (key: string, status: MetricStatus, values = 1): ReportMetric => ({
    key,
    name: key,
    status,
    stale: false,
    summary: "",
    chart: { ...jobsChart(key), actuals: jobsChart(key).actuals.slice(0, values) },
  });

  it("charts at most CHARTS_PER_CLUSTER, off track and behind first, in the plan's order, and skips metrics with no value", () => {
    const metrics = [
      metric("a", "on_track"),
      metric("b", "no_data", 0),
      metric("c", "off_track"),
      metric("d", "no_target"),
      metric("e", "on_track"),
      metric("f", "behind"),
      metric("g", "on_track"),
      metric("h", "on_track"),
      metric("i", "off_track"),
    ];
    expect(CHARTS_PER_CLUSTER).toBe(6);
    // Off track c, i; behind f; then the first three on track a, e, g (h and no-target d are left out).
    expect(chartedMetrics(metrics).map((m) => m.key)).toEqual(["a", "c", "e", "f", "g", "i"]);
  });
});
