import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { getDb } from "@/db";
import { metrics, progressUpdates, reports } from "@/db/schema";
import { systemActor } from "@/lib/auth/actor";
import { recordMeasurement } from "@/lib/metrics/service";
import { action, auditActions, makePeriod, putUpdate, Q3, Q4, quarterWorld } from "@/lib/test/quarter-fixtures";
import { refusal } from "@/lib/test/actors";
import { acknowledgeReport, createReportDraft, publishReport, refreshReportDraft, supersedeReport, updateReportDraft, type ReportSnapshot } from "./service";

function world() {
  const w = quarterWorld();
  const q3 = makePeriod(Q3, { status: "closed" });
  const q4 = makePeriod(Q4, { status: "open", isCurrent: true });
  return { ...w, q3, q4 };
}

const row = (id: number) => getDb().select().from(reports).where(eq(reports.id, id)).get()!;
const texts = { introduction: "This quarter the work groups met twice.", highlights: "", asks: "Approve the logistics pilot.", clusterNotes: { energy: "Solar permitting moved." } };

describe("report drafts", () => {
  it("staff create one draft per period, compiled from the data at once; others may not", () => {
    const w = world();
    putUpdate(action("EN-1").id, w.q4.id, { status: "at_risk", reviewState: "accepted" });
    const draft = createReportDraft(w.admin, { periodId: w.q4.id });
    expect(draft).toMatchObject({ status: "draft", edition: 1, title: "San Joaquin Valley Regional Industry Cluster Analysis and Action Plan: progress report, 2026 Q4" });
    expect(JSON.parse(draft.compiled!).summary.counts.at_risk).toBe(1);
    expect(refusal(() => createReportDraft(w.admin, { periodId: w.q4.id })).code).toBe("CONFLICT");
    expect(refusal(() => createReportDraft(w.lead, { periodId: w.q3.id })).code).toBe("FORBIDDEN");
    expect(refusal(() => createReportDraft(w.viewer, { periodId: w.q3.id })).code).toBe("FORBIDDEN");
    expect(auditActions("report", draft.id)).toEqual(["report.create"]);
  });

  it("keeps the staff's texts when the data are refreshed, and refuses a stale edit", () => {
    const w = world();
    const draft = createReportDraft(w.admin, { periodId: w.q4.id });
    const { version } = updateReportDraft(w.admin, { reportId: draft.id, version: draft.version, title: "Q4 report", ...texts, featuredUpdateIds: [] });
    expect(refusal(() => updateReportDraft(w.admin, { reportId: draft.id, version: draft.version, title: "Older", ...texts, featuredUpdateIds: [] })).code).toBe("CONFLICT");
    putUpdate(action("EN-2").id, w.q4.id, { status: "off_track", reviewState: "accepted" });
    refreshReportDraft(w.admin, { reportId: draft.id, version });
    const after = row(draft.id);
    expect(after.title).toBe("Q4 report");
    expect(JSON.parse(after.texts)).toEqual(texts);
    expect(JSON.parse(after.compiled!).summary.counts.off_track).toBe(1);
  });
});

describe("publishing", () => {
  it("freezes the report: later changes to actions and metrics leave the published snapshot as it was", () => {
    const w = world();
    putUpdate(action("EN-1").id, w.q4.id, { status: "on_track", reviewState: "accepted", narrative: "Permits filed." });
    const metric = getDb().select().from(metrics).where(eq(metrics.key, "energy-employment")).get()!;
    recordMeasurement(systemActor("test"), { metricId: metric.id, period: "2016", value: "1000" });
    const draft = createReportDraft(w.admin, { periodId: w.q4.id });
    const { version } = updateReportDraft(w.admin, { reportId: draft.id, version: draft.version, title: "Q4 report", ...texts, featuredUpdateIds: [] });
    publishReport(w.admin, { reportId: draft.id, version });
    const published = row(draft.id);
    expect(published.status).toBe("published");
    const frozen = published.snapshot!;
    const snapshot = JSON.parse(frozen) as ReportSnapshot;
    expect(snapshot).toMatchObject({ title: "Q4 report", edition: 1, texts });
    expect(snapshot.compiled.summary.counts.on_track).toBe(1);

    // Everything changes afterwards…
    getDb().update(progressUpdates).set({ status: "off_track", narrative: "Permits refused." }).where(eq(progressUpdates.actionId, action("EN-1").id)).run();
    putUpdate(action("EN-3").id, w.q4.id, { status: "completed", reviewState: "accepted" });
    recordMeasurement(systemActor("test"), { metricId: metric.id, period: "2017", value: "5000" });
    getDb().update(metrics).set({ name: "Renamed" }).where(eq(metrics.id, metric.id)).run();
    // …but the published report does not, and it can no longer be edited, refreshed or published again.
    expect(row(draft.id).snapshot).toBe(frozen);
    expect(refusal(() => updateReportDraft(w.admin, { reportId: draft.id, version: version + 1, title: "Changed", ...texts, featuredUpdateIds: [] })).code).toBe("CONFLICT");
    expect(refusal(() => refreshReportDraft(w.admin, { reportId: draft.id, version: version + 1 })).code).toBe("CONFLICT");
    expect(refusal(() => publishReport(w.admin, { reportId: draft.id, version: version + 1 })).code).toBe("CONFLICT");
    expect(refusal(() => createReportDraft(w.admin, { periodId: w.q4.id })).message).toMatch(/already has a published report/);
    expect(auditActions("report", draft.id)).toEqual(["report.create", "report.update", "report.publish"]);
  });

  it("a corrected version supersedes the published one, which stays readable", () => {
    const w = world();
    const v1 = createReportDraft(w.admin, { periodId: w.q4.id });
    publishReport(w.admin, { reportId: v1.id, version: v1.version });
    // A corrected version says what it corrects.
    expect(refusal(() => supersedeReport(w.admin, { reportId: v1.id, changeNote: " " })) as unknown).toBeInstanceOf(z.ZodError);
    const v2 = supersedeReport(w.admin, { reportId: v1.id, changeNote: "EN-1 was reported under the wrong quarter." });
    expect(v2).toMatchObject({ status: "draft", edition: 2, supersedesId: v1.id, changeNote: "EN-1 was reported under the wrong quarter." });
    expect(row(v1.id).status).toBe("published");
    expect(refusal(() => supersedeReport(w.admin, { reportId: v1.id, changeNote: "Again" })).code).toBe("CONFLICT");
    publishReport(w.admin, { reportId: v2.id, version: v2.version });
    expect(row(v1.id).status).toBe("superseded");
    expect(row(v1.id).snapshot).not.toBeNull();
    expect(JSON.parse(row(v2.id).snapshot!)).toMatchObject({ edition: 2, changeNote: "EN-1 was reported under the wrong quarter." });
    expect(refusal(() => supersedeReport(w.lead, { reportId: v2.id, changeNote: "Mine" })).code).toBe("FORBIDDEN");
  });

  it("board members acknowledge a published report once; drafts are not theirs to see", () => {
    const w = world();
    const draft = createReportDraft(w.admin, { periodId: w.q4.id });
    expect(refusal(() => acknowledgeReport(w.viewer, { reportId: draft.id })).code).toBe("NOT_FOUND");
    publishReport(w.admin, { reportId: draft.id, version: draft.version });
    expect(acknowledgeReport(w.viewer, { reportId: draft.id })).toEqual({ acknowledged: true });
    expect(acknowledgeReport(w.viewer, { reportId: draft.id })).toEqual({ acknowledged: false });
    expect(auditActions("report", draft.id)).toEqual(["report.create", "report.publish", "report.acknowledge"]);
  });
});
