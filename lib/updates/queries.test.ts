import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { actions, attachments, reportingPeriods } from "@/db/schema";
import { Q3, Q4, action, makePeriod, putUpdate, quarterWorld } from "@/lib/test/quarter-fixtures";
import { getUpdateFor, listActionUpdates, listAwaitingReview, listMyQuarter, parseLinks, quarterProgress } from "./queries";

// Energy has EN-1…EN-6; AG-1 belongs to no work group.
function world() {
  const w = quarterWorld();
  const q3 = makePeriod(Q3, { status: "closed" });
  const q4 = makePeriod(Q4, { status: "open", isCurrent: true });
  return { ...w, q3, q4 };
}

// The SJV plan is the only one with actions, so "My quarter" has one plan at most.
function onlyPlan<T>(plans: T[]): T {
  expect(plans).toHaveLength(1);
  return plans[0]!;
}

describe("listMyQuarter", () => {
  it("lists the member's groups' actions and the actions assigned to them, with this and last period's updates", () => {
    const w = world();
    getDb().update(actions).set({ leadUserId: w.member.userId }).where(eq(actions.id, action("AG-1").id)).run();
    getDb().update(actions).set({ retiredAt: "2026-08-01T00:00:00.000Z" }).where(eq(actions.id, action("EN-6").id)).run();
    putUpdate(action("EN-1").id, w.q3.id, { reviewState: "accepted", status: "on_track", percentComplete: 40 });
    putUpdate(action("EN-2").id, w.q3.id, { reviewState: "returned", status: "at_risk", percentComplete: 10 });
    const en1 = putUpdate(action("EN-1").id, w.q4.id, { reviewState: "submitted", status: "on_track", percentComplete: 55 });
    getDb().insert(attachments).values({ updateId: en1.id, fileName: "minutes.pdf", storedName: "abc123", contentType: "application/pdf", sizeBytes: 2048, sha256: "00" }).run();

    const mine = onlyPlan(listMyQuarter(w.member));
    expect(mine.plan).toEqual({ id: w.planId, slug: "sjv-2012", title: "San Joaquin Valley Regional Industry Cluster Analysis and Action Plan" });
    expect([mine.period.label, mine.previous?.label]).toEqual(["2026 Q4", "2026 Q3"]);
    expect(mine.rows.map((r) => [r.code, r.workGroupName, r.update?.reviewState ?? null, r.previousStatus, r.previousPercent, r.previousState])).toEqual([
      ["AG-1", null, null, null, null, null],
      ["EN-1", "Energy Work Group", "submitted", "on_track", 40, "accepted"],
      ["EN-2", "Energy Work Group", null, "at_risk", 10, "returned"],
      ["EN-3", "Energy Work Group", null, null, null, null],
      ["EN-4", "Energy Work Group", null, null, null, null],
      ["EN-5", "Energy Work Group", null, null, null, null],
    ]);
    const [ag1, en1Row] = mine.rows;
    expect(en1Row?.update).toMatchObject({ id: en1.id, percentComplete: 55 });
    expect(en1Row?.attachments).toEqual([{ id: expect.any(Number), updateId: en1.id, fileName: "minutes.pdf", sizeBytes: 2048, contentType: "application/pdf" }]);
    expect(ag1?.attachments).toEqual([]);
  });

  it("shows the lead their group's actions, and nothing to someone with no group or assignment", () => {
    const w = world();
    expect(onlyPlan(listMyQuarter(w.lead)).rows.map((r) => r.code)).toEqual(["EN-1", "EN-2", "EN-3", "EN-4", "EN-5", "EN-6"]);
    expect(listMyQuarter(w.outsider)).toEqual([]);
    expect(listMyQuarter(w.viewer)).toEqual([]);
  });

  it("pages the full rows but counts every action", () => {
    const w = world();
    putUpdate(action("EN-5").id, w.q4.id, { reviewState: "draft" });
    const page2 = onlyPlan(listMyQuarter(w.lead, { pageSize: 4, pageOf: () => 2 }));
    expect([page2.page, page2.pageCount]).toEqual([2, 2]);
    expect(page2.rows.map((r) => r.code)).toEqual(["EN-5", "EN-6"]);
    expect(page2.all.map((r) => r.update?.reviewState ?? null)).toEqual([null, null, null, null, "draft", null]);
    expect(quarterProgress(page2.all)).toEqual({ done: 0, drafts: 1, returned: 0, total: 6 });
    // A page past the end shows the last one.
    expect(onlyPlan(listMyQuarter(w.lead, { pageSize: 4, pageOf: () => 9 })).page).toBe(2);
  });

  it("shows nothing when the plan has no current period", () => {
    const w = world();
    getDb().update(reportingPeriods).set({ isCurrent: false }).run();
    expect(listMyQuarter(w.member)).toEqual([]);
  });

  it("has no previous period's status in the first period", () => {
    const w = quarterWorld();
    makePeriod(Q4, { isCurrent: true });
    const mine = onlyPlan(listMyQuarter(w.member));
    expect(mine.previous).toBeUndefined();
    expect(mine.rows.every((r) => r.previousStatus === null)).toBe(true);
  });
});

describe("quarterProgress", () => {
  it("counts submitted and accepted updates as done; drafts and returned ones do not", () => {
    const w = world();
    const states = { "EN-1": "submitted", "EN-2": "accepted", "EN-3": "draft", "EN-4": "returned" } as const;
    for (const [code, reviewState] of Object.entries(states)) putUpdate(action(code).id, w.q4.id, { reviewState });
    // Last period's updates do not count for this one.
    putUpdate(action("EN-5").id, w.q3.id, { reviewState: "accepted" });
    expect(quarterProgress(onlyPlan(listMyQuarter(w.lead)).rows)).toEqual({ done: 2, drafts: 1, returned: 1, total: 6 });
  });

  it("is nothing of nothing for an empty list", () => {
    expect(quarterProgress([])).toEqual({ done: 0, drafts: 0, returned: 0, total: 0 });
  });
});

describe("update lists", () => {
  it("lists an action's updates newest period first, with names and parsed links", () => {
    const w = world();
    const en1 = action("EN-1");
    putUpdate(en1.id, w.q3.id, { authorId: w.member.userId, lastEditedById: w.member.userId, reviewState: "accepted", reviewedById: w.admin.userId, links: '[{"label":"Report","url":"https://example.org/r"}]' });
    putUpdate(en1.id, w.q4.id, { authorId: w.member.userId, lastEditedById: w.lead.userId });
    const rows = listActionUpdates(en1.id);
    expect(rows.map((r) => [r.periodLabel, r.authorName, r.editorName, r.reviewerName])).toEqual([
      ["2026 Q4", "Milo Member", "Lena Lead", null],
      ["2026 Q3", "Milo Member", "Milo Member", "Olive Staff"],
    ]);
    expect(rows.map((r) => r.links)).toEqual([[], [{ label: "Report", url: "https://example.org/r" }]]);
    expect(getUpdateFor(en1.id, w.q3.id)!.reviewState).toBe("accepted");
    expect(getUpdateFor(en1.id, 9_999)).toBeUndefined();
  });

  it("lists the updates waiting for review, oldest submission first", () => {
    const w = world();
    putUpdate(action("EN-1").id, w.q4.id, { submittedAt: "2026-12-20T10:00:00.000Z", lastEditedById: w.lead.userId });
    putUpdate(action("EN-2").id, w.q4.id, { submittedAt: "2026-12-18T10:00:00.000Z", lastEditedById: w.member.userId });
    putUpdate(action("EN-3").id, w.q4.id, { reviewState: "accepted", submittedAt: "2026-12-01T10:00:00.000Z" });
    putUpdate(action("EN-4").id, w.q3.id, { submittedAt: "2026-10-01T10:00:00.000Z" });
    expect(listAwaitingReview(w.planId).map((r) => [r.code, r.authorName])).toEqual([
      ["EN-4", null],
      ["EN-2", "Milo Member"],
      ["EN-1", "Lena Lead"],
    ]);
  });

  it("keeps the updates this reviewer decided recently in place, and nobody else's", () => {
    const w = world();
    const recent = new Date(Date.now() - 5 * 60_000).toISOString();
    const old = new Date(Date.now() - 3 * 60 * 60_000).toISOString();
    putUpdate(action("EN-1").id, w.q4.id, { submittedAt: "2026-12-20T10:00:00.000Z" });
    putUpdate(action("EN-2").id, w.q4.id, { reviewState: "returned", submittedAt: "2026-12-18T10:00:00.000Z", reviewedById: w.admin.userId, reviewedAt: recent });
    putUpdate(action("EN-3").id, w.q4.id, { reviewState: "accepted", submittedAt: "2026-12-01T10:00:00.000Z", reviewedById: w.admin.userId, reviewedAt: old });
    putUpdate(action("EN-4").id, w.q4.id, { reviewState: "accepted", submittedAt: "2026-11-01T10:00:00.000Z", reviewedById: w.lead.userId, reviewedAt: recent });
    expect(listAwaitingReview(w.planId, { reviewerId: w.admin.userId, withinMinutes: 60 }).map((r) => [r.code, r.reviewState])).toEqual([
      ["EN-2", "returned"],
      ["EN-1", "submitted"],
    ]);
  });

  it("reads stored links defensively", () => {
    expect(parseLinks('[{"label":"A","url":"https://a.org"}]')).toEqual([{ label: "A", url: "https://a.org" }]);
    expect(parseLinks("not json")).toEqual([]);
    expect(parseLinks('{"url":"x"}')).toEqual([]);
  });
});
