import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { seedDefaultData } from "@/db/seed/seed";
import { getPlanBySlug, getPlanDashboard } from "@/lib/plans/queries";
import { parseActionFilters } from "./filters";
import { getActionDetail, listActions } from "./queries";

function sjvId() {
  return getPlanBySlug("sjv-2012")!.id;
}

function sjv() {
  seedDefaultData();
  return getPlanBySlug("sjv-2012")!.id;
}

describe("listActions filters", () => {
  it("lists all 40 live actions without filters", () => {
    const r = listActions(sjv(), parseActionFilters({}));
    expect(r.total).toBe(40);
    expect(r.rows.map((a) => a.code).slice(0, 3)).toEqual(["AG-1", "EN-1", "EN-2"]);
    expect(listActions(sjvId(), parseActionFilters({ page: "2" })).rows.at(-1)!.code).toBe("NS-9");
  });

  it("filters by cluster including its sub-sections, by work group, champion, status and text", () => {
    const planId = sjv();
    const by = (q: Record<string, string>) => listActions(planId, parseActionFilters(q)).rows.map((a) => a.code);
    expect(by({ section: "energy" })).toEqual(["EN-1", "EN-2", "EN-3", "EN-4", "EN-5", "EN-6"]);
    expect(by({ group: "health-wellness-wg" })).toHaveLength(11);
    expect(by({ org: "ccwc" })).toEqual(expect.arrayContaining(["PSI-1", "NS-5"]));
    expect(by({ status: "completed" })).toEqual([]);
    expect(by({ status: "not_started", section: "logistics" })).toEqual(["LO-1", "LO-2"]);
    expect(by({ q: "nursing" })).toEqual(["HW-2", "HW-4"]);
    expect(by({ q: "100%" })).toEqual([]);
    expect(by({ section: "no-such-section" })).toEqual([]);
  });

  it("ignores malformed filter values instead of failing", () => {
    const f = parseActionFilters({ status: "bogus", page: "-3", section: "../etc", priority: "yes", retired: "all", q: "  " });
    expect(f).toEqual({ section: undefined, group: undefined, org: undefined, status: undefined, priority: false, retired: false, q: undefined, page: 1 });
  });

  it("paginates 20 at a time and clamps the page", () => {
    const planId = sjv();
    const sqlite = getDb().$client;
    const insert = sqlite.prepare("insert into actions (plan_id, code, text, position) values (?, ?, ?, ?)");
    for (let i = 0; i < 70; i++) insert.run(planId, `X-${i}`, `Extra action ${i}`, 100 + i);
    const p2 = listActions(planId, parseActionFilters({ page: "2" }));
    expect(p2.total).toBe(110);
    expect(p2.pageCount).toBe(6);
    expect(p2.rows).toHaveLength(20);
    expect(listActions(planId, parseActionFilters({ page: "99" })).page).toBe(6);
  });

  it("hides retired actions", () => {
    const planId = sjv();
    getDb().$client.prepare("update actions set retired_at = '2026-01-01T00:00:00Z' where code = 'EN-1' and plan_id = ?").run(planId);
    expect(listActions(planId, parseActionFilters({ section: "energy" })).total).toBe(5);
  });
});

describe("dashboard and detail", () => {
  it("counts actions by status per cluster and plan-wide", () => {
    const d = getPlanDashboard(sjv());
    expect(d.total).toBe(40);
    expect(d.sections.map((s) => [s.section.key, s.total])).toEqual([
      ["agriculture", 1],
      ["energy", 6],
      ["health-wellness", 10],
      ["logistics", 2],
      ["manufacturing", 5],
      ["water-technology", 3],
      ["public-sector-infrastructure", 4],
    ]);
    expect(d.planLevel.total).toBe(9);
    expect(d.overall.not_started).toBe(40);
    expect(d.targets).toEqual({ n: 23, usd: 7_874_934_000 });
  });

  it("returns an action with its trail and champions", () => {
    const planId = sjv();
    const id = (getDb().$client.prepare("select id from actions where code = 'EN-1' and plan_id = ?").get(planId) as { id: number }).id;
    const d = getActionDetail(id)!;
    expect(d.trail.map((s) => s.key)).toEqual(["energy"]);
    expect(d.champions).toEqual([expect.objectContaining({ role: "lead", name: "San Joaquin Valley Clean Energy Organization" })]);
    expect(getActionDetail(999_999)).toBeNull();
  });
});
