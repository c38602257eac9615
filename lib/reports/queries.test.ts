import { describe, expect, it } from "vitest";
import { addComment } from "@/lib/comments/service";
import { listComments } from "@/lib/comments/queries";
import { action, makePeriod, planId, putUpdate, Q3, Q4, quarterWorld, refusal } from "@/lib/test/quarter-fixtures";
import { acknowledgeReport, createReportDraft, publishReport, supersedeReport, updateReportDraft } from "./service";
import { compareReports, getReport, listAcknowledgements, listReports, previousPublishedReport } from "./queries";

function world() {
  const w = quarterWorld();
  const q3 = makePeriod(Q3, { status: "closed" });
  const q4 = makePeriod(Q4, { status: "open", isCurrent: true });
  return { ...w, q3, q4 };
}

const publish = (admin: Parameters<typeof publishReport>[0], id: number, version: number) => publishReport(admin, { reportId: id, version });

describe("report reads", () => {
  it("board members see published editions only; staff also see drafts", () => {
    const w = world();
    const q3 = createReportDraft(w.admin, { periodId: w.q3.id });
    publish(w.admin, q3.id, q3.version);
    const q4 = createReportDraft(w.admin, { periodId: w.q4.id });
    const plan = planId();
    expect(listReports(plan, true).map((r) => [r.periodLabel, r.status])).toEqual([
      [w.q4.label, "draft"],
      [w.q3.label, "published"],
    ]);
    expect(listReports(plan, false).map((r) => r.id)).toEqual([q3.id]);
    expect(getReport(plan, q4.id, false)).toBeNull();
    expect(getReport(plan, q4.id, true)?.content.publishedAt).toBeNull();
    expect(getReport(plan + 999, q3.id, true)).toBeNull();
  });

  it("compares a report with the previous period's: status changes per action", () => {
    const w = world();
    putUpdate(action("EN-1").id, w.q3.id, { status: "on_track", reviewState: "accepted" });
    putUpdate(action("EN-2").id, w.q3.id, { status: "at_risk", reviewState: "accepted" });
    const r3 = createReportDraft(w.admin, { periodId: w.q3.id });
    publish(w.admin, r3.id, r3.version);
    putUpdate(action("EN-1").id, w.q4.id, { status: "off_track", reviewState: "accepted" });
    putUpdate(action("EN-2").id, w.q4.id, { status: "at_risk", reviewState: "accepted" });
    const r4 = createReportDraft(w.admin, { periodId: w.q4.id });
    publish(w.admin, r4.id, r4.version);

    const current = getReport(planId(), r4.id, false)!;
    const previous = previousPublishedReport(current.report, current.period.startDate)!;
    expect(previous.id).toBe(r3.id);
    const { changed, unchanged } = compareReports(current.content.compiled, getReport(planId(), previous.id, false)!.content.compiled);
    expect(changed.map((c) => [c.code, c.before, c.after])).toEqual([["EN-1", "on_track", "off_track"]]);
    expect(unchanged).toBe(current.content.compiled.summary.totalActions - 1);
  });

  it("the board discusses and acknowledges a published report; staff see who acknowledged", () => {
    const w = world();
    const draft = createReportDraft(w.admin, { periodId: w.q4.id });
    expect(refusal(() => addComment(w.viewer, { reportId: draft.id, body: "Early look" })).code).toBe("NOT_FOUND");
    const { version } = updateReportDraft(w.admin, { reportId: draft.id, version: draft.version, title: "Q4", introduction: "", highlights: "", asks: "", clusterNotes: {}, featuredUpdateIds: [] });
    publish(w.admin, draft.id, version);
    addComment(w.viewer, { reportId: draft.id, body: "Why is **logistics** behind?" });
    expect(listComments({ reportId: draft.id }).map((c) => c.html)).toEqual(["<p>Why is <strong>logistics</strong> behind?</p>\n"]);
    acknowledgeReport(w.viewer, { reportId: draft.id });
    expect(listAcknowledgements(draft.id).map((a) => a.name)).toEqual(["Vera Viewer"]);
    expect(listReports(planId(), false)[0]).toMatchObject({ acknowledgements: 1, comments: 1 });
    // A comment names one subject.
    expect(() => addComment(w.viewer, { reportId: draft.id, actionId: action("EN-1").id, body: "Both" })).toThrow();
    // The corrected version is a new discussion; the first keeps its comments.
    const v2 = supersedeReport(w.admin, { reportId: draft.id, changeNote: "Fixed a figure." });
    publish(w.admin, v2.id, v2.version);
    expect(listComments({ reportId: v2.id })).toEqual([]);
    expect(listComments({ reportId: draft.id })).toHaveLength(1);
  });

  it("refuses a featured narrative the report does not print", () => {
    const w = world();
    const accepted = putUpdate(action("EN-1").id, w.q4.id, { status: "on_track", reviewState: "accepted", narrative: "Permits filed." });
    const submitted = putUpdate(action("EN-2").id, w.q4.id, { status: "on_track", reviewState: "submitted", narrative: "Not reviewed yet." });
    const draft = createReportDraft(w.admin, { periodId: w.q4.id });
    const base = { reportId: draft.id, version: draft.version, title: "Q4", introduction: "", highlights: "", asks: "", clusterNotes: {} };
    expect(refusal(() => updateReportDraft(w.admin, { ...base, featuredUpdateIds: [submitted.id] })).fieldErrors?.featuredUpdateIds).toBeDefined();
    expect(updateReportDraft(w.admin, { ...base, featuredUpdateIds: [String(accepted.id)] }).version).toBe(draft.version + 1);
  });
});
