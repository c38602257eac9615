import { actionFormValues } from "@/lib/actions/schema";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { actionChampions, actions, plans } from "@/db/schema";
import { updateAction } from "@/lib/actions/service";
import { Q3, Q4, action, makePeriod, putUpdate, quarterWorld } from "@/lib/test/quarter-fixtures";
import { rollUpAction, rollUpPlan } from "./rollup";
import { reviewUpdate, saveUpdate } from "./service";

function world() {
  const w = quarterWorld();
  const q3 = makePeriod(Q3, { status: "closed" });
  const q4 = makePeriod(Q4, { status: "open", isCurrent: true });
  return { ...w, q3, q4, en1: action("EN-1") };
}

type World = ReturnType<typeof world>;

function post(w: World, periodId: number, status: string, percent: number, version = 0) {
  // Admins may post to the closed Q3 too, as a late correction.
  return saveUpdate(w.admin, { actionId: w.en1.id, periodId, version, status, percentComplete: percent, narrative: `${status} at ${percent}%.` });
}

function accept(w: World, u: { id: number; version: number }) {
  return reviewUpdate(w.admin, { updateId: u.id, version: u.version, decision: "accept" });
}

const en1 = () => {
  const a = action("EN-1");
  return { status: a.status, percentComplete: a.percentComplete, version: a.version };
};

function countSubmitted(on: boolean) {
  getDb().update(plans).set({ countSubmittedUpdates: on }).where(eq(plans.slug, "sjv-2012")).run();
}

describe("rollUpAction", () => {
  it("an accepted update sets the action's status and percent without bumping its version", () => {
    const w = world();
    expect(en1()).toEqual({ status: "not_started", percentComplete: 0, version: 1 });
    accept(w, post(w, w.q4.id, "on_track", 60));
    expect(en1()).toEqual({ status: "on_track", percentComplete: 60, version: 1 });
    // So a lead who opened the action's edit form before the review can still save it.
    expect(updateAction(w.lead, editForm(w.en1.id, { leadPerson: "Lena Lead" }))).toMatchObject({ version: 2, changed: true });
  });

  it("a submitted update does not count before review, unless the plan says so", () => {
    const w = world();
    post(w, w.q4.id, "at_risk", 20);
    expect(en1()).toEqual({ status: "not_started", percentComplete: 0, version: 1 });

    countSubmitted(true);
    post(w, w.q4.id, "at_risk", 25, 1);
    expect(en1()).toEqual({ status: "at_risk", percentComplete: 25, version: 1 });
  });

  it("a draft never counts, even when submitted updates do", () => {
    const w = world();
    countSubmitted(true);
    saveUpdate(w.admin, { actionId: w.en1.id, periodId: w.q4.id, status: "off_track", percentComplete: 5, intent: "draft" });
    expect(en1()).toEqual({ status: "not_started", percentComplete: 0, version: 1 });
  });

  it("follows the periods' order: a late correction to last quarter does not override this quarter", () => {
    const w = world();
    const current = accept(w, post(w, w.q4.id, "on_track", 60));
    accept(w, post(w, w.q3.id, "at_risk", 20));
    expect(en1()).toEqual({ status: "on_track", percentComplete: 60, version: 1 });

    // Once this quarter's update stops counting, last quarter's is the latest.
    reviewUpdate(w.admin, { updateId: current.id, version: current.version, decision: "return", note: "Check the figure." });
    expect(en1()).toEqual({ status: "at_risk", percentComplete: 20, version: 1 });
  });

  it("a later period's submitted update overrides an earlier accepted one when submitted updates count", () => {
    const w = world();
    countSubmitted(true);
    accept(w, post(w, w.q3.id, "on_track", 40));
    post(w, w.q4.id, "off_track", 45);
    expect(en1()).toEqual({ status: "off_track", percentComplete: 45, version: 1 });
  });

  // Current behaviour, on purpose: with no counted update left the action
  // keeps the status it last had rather than falling back to "not started".
  it("returning the only counted update leaves the action as it was", () => {
    const w = world();
    const accepted = accept(w, post(w, w.q4.id, "on_track", 60));
    reviewUpdate(w.admin, { updateId: accepted.id, version: accepted.version, decision: "return", note: "Wrong action." });
    expect(en1()).toEqual({ status: "on_track", percentComplete: 60, version: 1 });
  });

  it("does nothing for an action without updates, or one that does not exist", () => {
    const w = world();
    getDb().update(actions).set({ status: "deferred", percentComplete: 10 }).where(eq(actions.id, w.en1.id)).run();
    getDb().transaction((tx) => {
      rollUpAction(tx, w.en1.id);
      rollUpAction(tx, 99_999);
    });
    expect(en1()).toEqual({ status: "deferred", percentComplete: 10, version: 1 });
  });
});

describe("rollUpPlan", () => {
  it("recomputes every action of the plan from its counted updates", () => {
    const w = world();
    const en2 = action("EN-2");
    putUpdate(w.en1.id, w.q4.id, { reviewState: "accepted", status: "completed", percentComplete: 100 });
    putUpdate(en2.id, w.q4.id, { reviewState: "submitted", status: "at_risk", percentComplete: 15 });
    rollUpPlan(getDb(), w.planId);
    expect([en1(), action("EN-2").status, action("EN-3").status]).toEqual([{ status: "completed", percentComplete: 100, version: 1 }, "not_started", "not_started"]);
  });
});

// The action edit form as the page would post it, opened at the current version.
function editForm(actionId: number, over: Record<string, string>) {
  const db = getDb();
  const a = db.select().from(actions).where(eq(actions.id, actionId)).get()!;
  const champions = db.select({ organizationId: actionChampions.organizationId, role: actionChampions.role }).from(actionChampions).where(eq(actionChampions.actionId, actionId)).all();
  return { actionId, version: a.version, ...actionFormValues(a, champions), ...over };
}
