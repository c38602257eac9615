import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { actions } from "@/db/schema";
import { Q3, Q4, action, makePeriod, putUpdate, quarterWorld } from "@/lib/test/quarter-fixtures";
import { getTracker, parseTrackerFilters } from "./queries";

// The SJV plan: Energy EN-1…EN-6, Health HW-1…HW-10 and NS-2, Sustainable
// Communities LO-1, and 22 actions with no work group (40 in all).
//
// 2026 Q4 (current)           2026 Q3 (previous)
// EN-1 submitted              —
// EN-2 accepted               accepted
// EN-3 returned               —
// EN-4 draft                  accepted
// EN-5 —                      —
// EN-6 —                      submitted
// everything else —           —
function world() {
  const w = quarterWorld();
  const q3 = makePeriod(Q3, { status: "closed" });
  const q4 = makePeriod(Q4, { status: "open", isCurrent: true });
  const put = (code: string, periodId: number, reviewState: "draft" | "submitted" | "accepted" | "returned", submittedAt: string | null, lastEditedById: number | null = null) =>
    putUpdate(action(code).id, periodId, { reviewState, submittedAt, lastEditedById });
  put("EN-1", q4.id, "submitted", "2027-01-05T09:30:00.000Z", w.lead.userId);
  put("EN-2", q3.id, "accepted", "2026-10-02T10:00:00.000Z");
  put("EN-2", q4.id, "accepted", "2027-01-03T12:00:00.000Z", w.member.userId);
  put("EN-3", q4.id, "returned", "2027-01-02T08:00:00.000Z", w.member.userId);
  put("EN-4", q3.id, "accepted", "2026-10-10T16:45:00.000Z");
  put("EN-4", q4.id, "draft", null, w.member.userId);
  put("EN-6", q3.id, "submitted", "2026-10-14T11:00:00.000Z");
  return { ...w, q3, q4 };
}

const row = (t: ReturnType<typeof getTracker>, code: string) => {
  const r = t.rows.find((x) => x.code === code)!;
  return { state: r.state, reviewState: r.reviewState, hasDraft: r.hasDraft, lastUpdateAt: r.lastUpdateAt, stale: r.stale, updatedBy: r.updatedBy };
};

describe("getTracker", () => {
  it("gives each action its state, draft flag, last submission and staleness", () => {
    const w = world();
    const t = getTracker(w.q4);
    expect(t.previous?.label).toBe("2026 Q3");
    expect(t.rows).toHaveLength(40);
    expect(row(t, "EN-1")).toEqual({ state: "updated", reviewState: "submitted", hasDraft: false, lastUpdateAt: "2027-01-05T09:30:00.000Z", stale: false, updatedBy: "Lena Lead" });
    expect(row(t, "EN-2")).toEqual({ state: "updated", reviewState: "accepted", hasDraft: false, lastUpdateAt: "2027-01-03T12:00:00.000Z", stale: false, updatedBy: "Milo Member" });
    // Returned is not missing: someone reported, and it is with them to fix.
    expect(row(t, "EN-3")).toEqual({ state: "returned", reviewState: "returned", hasDraft: false, lastUpdateAt: "2027-01-02T08:00:00.000Z", stale: false, updatedBy: "Milo Member" });
    // A draft is still missing; the last submission is last quarter's.
    expect(row(t, "EN-4")).toEqual({ state: "missing", reviewState: "draft", hasDraft: true, lastUpdateAt: "2026-10-10T16:45:00.000Z", stale: false, updatedBy: "Milo Member" });
    expect(row(t, "EN-5")).toEqual({ state: "missing", reviewState: null, hasDraft: false, lastUpdateAt: null, stale: true, updatedBy: null });
    expect(row(t, "EN-6")).toEqual({ state: "missing", reviewState: null, hasDraft: false, lastUpdateAt: "2026-10-14T11:00:00.000Z", stale: false, updatedBy: null });
    expect(row(t, "HW-1")).toEqual({ state: "missing", reviewState: null, hasDraft: false, lastUpdateAt: null, stale: true, updatedBy: null });
  });

  it("sums up each work group and the whole period", () => {
    const w = world();
    const t = getTracker(w.q4);
    expect(t.groups).toEqual([
      { key: null, name: "No work group", total: 22, updated: 0, returned: 0, missing: 22, stale: 22 },
      { key: "energy-wg", name: "Energy Work Group", total: 6, updated: 2, returned: 1, missing: 3, stale: 1 },
      { key: "health-wellness-wg", name: "Health and Wellness Work Group", total: 11, updated: 0, returned: 0, missing: 11, stale: 11 },
      { key: "sustainable-communities-wg", name: "Sustainable Communities Work Group", total: 1, updated: 0, returned: 0, missing: 1, stale: 1 },
    ]);
    expect(t.totals).toEqual({ total: 40, updated: 2, returned: 1, missing: 37, stale: 35 });
  });

  it("filters by work group and by state, stale included, keeping the summaries whole", () => {
    const w = world();
    const codes = (filters: Parameters<typeof getTracker>[1]) => getTracker(w.q4, filters).rows.map((r) => r.code);
    expect(codes({ group: "energy-wg" })).toEqual(["EN-1", "EN-2", "EN-3", "EN-4", "EN-5", "EN-6"]);
    expect(codes({ state: "updated" })).toEqual(["EN-1", "EN-2"]);
    expect(codes({ state: "returned" })).toEqual(["EN-3"]);
    expect(codes({ group: "energy-wg", state: "missing" })).toEqual(["EN-4", "EN-5", "EN-6"]);
    expect(codes({ group: "energy-wg", state: "stale" })).toEqual(["EN-5"]);
    expect(codes({ state: "stale" })).toHaveLength(35);
    expect(codes({ group: "housing-wg" })).toEqual([]);
    const filtered = getTracker(w.q4, { group: "energy-wg", state: "returned" });
    expect(filtered.totals.total).toBe(40);
    expect(filtered.groups).toHaveLength(4);
  });

  it("leaves retired actions out", () => {
    const w = world();
    getDb().update(actions).set({ retiredAt: "2026-11-01T00:00:00.000Z" }).where(eq(actions.id, action("EN-5").id)).run();
    const t = getTracker(w.q4, { group: "energy-wg" });
    expect(t.rows.map((r) => r.code)).toEqual(["EN-1", "EN-2", "EN-3", "EN-4", "EN-6"]);
    expect(t.totals).toEqual({ total: 39, updated: 2, returned: 1, missing: 36, stale: 34 });
  });

  it("calls nothing stale in the first period, since there is no previous one to compare", () => {
    quarterWorld();
    const t = getTracker(makePeriod(Q4, { isCurrent: true }));
    expect(t.previous).toBeUndefined();
    expect(t.totals).toEqual({ total: 40, updated: 0, returned: 0, missing: 40, stale: 0 });
  });

  it("looks at last period from that period's own point of view", () => {
    const w = world();
    const t = getTracker(w.q3);
    expect(t.previous).toBeUndefined();
    expect(t.totals).toEqual({ total: 40, updated: 3, returned: 0, missing: 37, stale: 0 });
    expect(t.rows.filter((r) => r.state === "updated").map((r) => r.code)).toEqual(["EN-2", "EN-4", "EN-6"]);
    // The last submission is the action's latest, whichever period is shown.
    expect(row(t, "EN-2")).toMatchObject({ state: "updated", lastUpdateAt: "2027-01-03T12:00:00.000Z" });
  });
});

describe("parseTrackerFilters", () => {
  it("keeps known values and drops the rest", () => {
    expect(parseTrackerFilters({ group: "energy-wg", state: "stale" })).toEqual({ group: "energy-wg", state: "stale" });
    expect(parseTrackerFilters({ group: "", state: "bogus" })).toEqual({ group: undefined, state: undefined });
    expect(parseTrackerFilters({ group: ["a", "b"], state: ["missing"] })).toEqual({ group: undefined, state: undefined });
    expect(parseTrackerFilters({ group: "x".repeat(200) }).group).toHaveLength(120);
    expect(parseTrackerFilters({})).toEqual({ group: undefined, state: undefined });
  });
});
