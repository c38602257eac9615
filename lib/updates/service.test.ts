import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { actions, auditLog, progressUpdates } from "@/db/schema";
import { ANONYMOUS, type UserActor } from "@/lib/auth/actor";
import { Q3, Q4, action, auditActions, fieldErrorsOf, makePeriod, makeUser, planId, quarterWorld, refusal, snapshot, update } from "@/lib/test/quarter-fixtures";
import { listReturnedFor } from "./queries";
import { reviewUpdate, saveUpdate, submitDrafts } from "./service";

// What the update form posts: strings, as FormData gives them.
function form(actionId: number, periodId: number, over: Record<string, unknown> = {}) {
  return { actionId: String(actionId), periodId: String(periodId), version: "0", status: "on_track", percentComplete: "40", narrative: "Met the three utilities.", links: "", intent: "submit", ...over };
}

// The SJV world with an open current 2026 Q4.
function world() {
  const w = quarterWorld();
  const q4 = makePeriod(Q4, { status: "open", isCurrent: true });
  return { ...w, q4, en1: action("EN-1"), en2: action("EN-2"), hw1: action("HW-1") };
}

const stamp = (iso: string) => `${iso.replace("T", " ").slice(0, 16)} UTC`;
const lastAuditAt = () => getDb().select({ at: auditLog.at }).from(auditLog).all().at(-1)!.at;

describe("saveUpdate: drafts and submission", () => {
  it("a member saves a draft, then submits it", () => {
    const w = world();
    const draft = saveUpdate(w.member, form(w.en1.id, w.q4.id, { intent: "draft", narrative: "" }));
    expect(draft).toMatchObject({ actionId: w.en1.id, periodId: w.q4.id, reviewState: "draft", status: "on_track", percentComplete: 40, narrative: "", authorId: w.member.userId, lastEditedById: w.member.userId, submittedAt: null, version: 1 });

    const submitted = saveUpdate(w.member, form(w.en1.id, w.q4.id, { version: "1", narrative: "  Met the three utilities.  " }));
    expect(submitted).toMatchObject({ id: draft.id, reviewState: "submitted", narrative: "Met the three utilities.", version: 2, authorId: w.member.userId });
    expect(submitted.submittedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(auditActions("progress_update", draft.id)).toEqual(["update.save_draft", "update.submit"]);
    const diff = JSON.parse(getDb().select().from(auditLog).all().at(-1)!.diff!);
    expect(diff).toEqual({ before: { narrative: "", reviewState: "draft" }, after: { action: "EN-1", period: "2026 Q4", narrative: "Met the three utilities.", reviewState: "submitted" } });
  });

  it("submitting needs a narrative; a draft does not", () => {
    const w = world();
    expect(fieldErrorsOf(() => saveUpdate(w.member, form(w.en1.id, w.q4.id, { narrative: "   " })))).toEqual({ narrative: ["Say what happened this period before you submit."] });
    expect(saveUpdate(w.member, form(w.en1.id, w.q4.id, { narrative: "", intent: "draft" })).reviewState).toBe("draft");
  });

  it("a completed action must be 100% complete", () => {
    const w = world();
    expect(fieldErrorsOf(() => saveUpdate(w.member, form(w.en1.id, w.q4.id, { status: "completed", percentComplete: "90" })))).toEqual({ percentComplete: ["A completed action is 100% complete."] });
    expect(saveUpdate(w.member, form(w.en1.id, w.q4.id, { status: "completed", percentComplete: "100" })).status).toBe("completed");
  });

  it("checks the status and the percent", () => {
    const w = world();
    const percent = (v: unknown) => fieldErrorsOf(() => saveUpdate(w.member, form(w.en1.id, w.q4.id, { percentComplete: v }))).percentComplete;
    expect(percent("")).toEqual(["Enter a number from 0 to 100."]);
    expect(percent("lots")).toEqual(["Enter a number from 0 to 100."]);
    expect(percent("101")).toEqual(["Use 0 to 100."]);
    expect(percent("-1")).toEqual(["Use 0 to 100."]);
    expect(percent("12.5")).toEqual(["Use a whole number."]);
    expect(fieldErrorsOf(() => saveUpdate(w.member, form(w.en1.id, w.q4.id, { status: "done" })))).toEqual({ status: ["Choose a status."] });
    expect(saveUpdate(w.member, form(w.en1.id, w.q4.id, { percentComplete: "0" })).percentComplete).toBe(0);
  });

  it("refuses an unknown action", () => {
    const w = world();
    expect(refusal(() => saveUpdate(w.admin, form(99_999, w.q4.id))).code).toBe("NOT_FOUND");
  });
});

describe("saveUpdate: who may post", () => {
  it("allows the group's lead and members, and admins on any action", () => {
    const w = world();
    expect(saveUpdate(w.lead, form(w.en1.id, w.q4.id)).authorId).toBe(w.lead.userId);
    expect(saveUpdate(w.member, form(w.en2.id, w.q4.id)).authorId).toBe(w.member.userId);
    expect(saveUpdate(w.admin, form(w.hw1.id, w.q4.id)).authorId).toBe(w.admin.userId);
  });

  it("allows a contributor outside the group when the action is assigned to them", () => {
    const w = world();
    getDb().update(actions).set({ leadUserId: w.outsider.userId }).where(eq(actions.id, w.en1.id)).run();
    expect(saveUpdate(w.outsider, form(w.en1.id, w.q4.id)).authorId).toBe(w.outsider.userId);
    // Only that action.
    expect(refusal(() => saveUpdate(w.outsider, form(w.en2.id, w.q4.id))).code).toBe("FORBIDDEN");
  });

  it.each([
    ["a contributor outside the group", "outsider", "FORBIDDEN"],
    ["a lead of another group", "lead", "FORBIDDEN"],
    ["a board member", "viewer", "FORBIDDEN"],
    ["an anonymous visitor", "anonymous", "UNAUTHORIZED"],
  ] as const)("refuses %s and writes nothing", (_who, key, code) => {
    const w = world();
    const actor = key === "anonymous" ? ANONYMOUS : w[key];
    // The Energy lead is refused on a Health action; everyone else on Energy's.
    const target = key === "lead" ? w.hw1 : w.en1;
    const before = snapshot();
    expect(refusal(() => saveUpdate(actor, form(target.id, w.q4.id))).code).toBe(code);
    expect(snapshot()).toBe(before);
  });

  it("refuses a retired action", () => {
    const w = world();
    getDb().update(actions).set({ retiredAt: "2026-09-01T00:00:00.000Z" }).where(eq(actions.id, w.en1.id)).run();
    const e = refusal(() => saveUpdate(w.admin, form(w.en1.id, w.q4.id)));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toBe("Action EN-1 is retired and takes no new updates.");
  });

  it("refuses a period of another plan, on the period field", () => {
    const w = world();
    const elsewhere = makePeriod(Q4, { planId: planId("sjv-sap-2006") });
    const e = refusal(() => saveUpdate(w.admin, form(w.en1.id, elsewhere.id)));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.fieldErrors).toEqual({ periodId: ["Choose a reporting period of this action's plan."] });
    expect(refusal(() => saveUpdate(w.admin, form(w.en1.id, 4_242))).fieldErrors).toEqual({ periodId: ["Choose a reporting period of this action's plan."] });
  });

  it("refuses a period that is not open yet, even to an admin", () => {
    const w = world();
    const next = makePeriod({ label: "2027 Q1", startDate: "2027-01-01", endDate: "2027-03-31", deadline: "2027-04-15" }, { status: "planned" });
    const before = snapshot();
    for (const actor of [w.lead, w.admin]) {
      const e = refusal(() => saveUpdate(actor, form(w.en1.id, next.id)));
      expect(e.code).toBe("FORBIDDEN");
      expect(e.message).toBe("2027 Q1 is not open yet: updates start when OCED staff open it.");
    }
    expect(snapshot()).toBe(before);
  });

  it("refuses a closed period to a lead, but takes it from an admin and audits that", () => {
    const w = world();
    const q3 = makePeriod(Q3, { status: "closed" });
    const before = snapshot();
    const e = refusal(() => saveUpdate(w.lead, form(w.en1.id, q3.id)));
    expect(e.code).toBe("FORBIDDEN");
    expect(e.message).toBe("2026 Q3 is closed: ask OCED staff if an update must still be added.");
    expect(snapshot()).toBe(before);

    const late = saveUpdate(w.admin, form(w.en1.id, q3.id, { narrative: "Entered late from the lead's e-mail." }));
    expect(late).toMatchObject({ periodId: q3.id, reviewState: "submitted", authorId: w.admin.userId });
    expect(auditActions("progress_update", late.id)).toEqual(["update.save_closed_period"]);
    saveUpdate(w.admin, form(w.en1.id, q3.id, { version: "1", intent: "draft" }));
    expect(auditActions("progress_update", late.id)).toEqual(["update.save_closed_period", "update.save_closed_period"]);
  });
});

describe("saveUpdate: links", () => {
  it("takes one web address per line, optionally labelled, skipping blank lines", () => {
    const w = world();
    const row = saveUpdate(w.member, form(w.en1.id, w.q4.id, { links: "https://example.org/report.pdf\n\n  Board minutes | http://example.org/minutes?id=3  \r\nA | B | https://example.org/x" }));
    expect(JSON.parse(row.links)).toEqual([
      { label: "https://example.org/report.pdf", url: "https://example.org/report.pdf" },
      { label: "Board minutes", url: "http://example.org/minutes?id=3" },
      { label: "A | B", url: "https://example.org/x" },
    ]);
    expect(JSON.parse(saveUpdate(w.member, form(w.en2.id, w.q4.id, { links: "" })).links)).toEqual([]);
  });

  it("keeps a '|' inside the address itself", () => {
    const w = world();
    const row = saveUpdate(w.member, form(w.en1.id, w.q4.id, { links: "Query | https://example.org/a|b\nhttps://example.org/c|d" }));
    expect(JSON.parse(row.links)).toEqual([
      { label: "Query", url: "https://example.org/a|b" },
      { label: "https://example.org/c|d", url: "https://example.org/c|d" },
    ]);
  });

  it("refuses anything but http and https, naming the line", () => {
    const w = world();
    const errors = (text: string) => fieldErrorsOf(() => saveUpdate(w.member, form(w.en1.id, w.q4.id, { links: text }))).links;
    expect(errors("https://example.org\njavascript:alert(1)")).toEqual(["Line 2 is not a web address starting with http:// or https://."]);
    expect(errors("Click | JavaScript:alert(1)")).toEqual(["Line 1 is not a web address starting with http:// or https://."]);
    expect(errors("ftp://example.org/file\ndata:text/html,hi\nexample.org")).toEqual([
      "Line 1 is not a web address starting with http:// or https://.",
      "Line 2 is not a web address starting with http:// or https://.",
      "Line 3 is not a web address starting with http:// or https://.",
    ]);
  });

  it("takes at most 10 links", () => {
    const w = world();
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `https://example.org/${i}`).join("\n");
    expect(fieldErrorsOf(() => saveUpdate(w.member, form(w.en1.id, w.q4.id, { links: lines(11) }))).links).toEqual(["Add at most 10 links."]);
    expect(JSON.parse(saveUpdate(w.member, form(w.en1.id, w.q4.id, { links: lines(10) })).links)).toHaveLength(10);
  });
});

describe("saveUpdate: no lost updates", () => {
  it("refuses a stale save, naming the other editor and time and quoting their text", () => {
    const w = world();
    saveUpdate(w.member, form(w.en1.id, w.q4.id, { intent: "draft", narrative: "First notes." }));
    // The lead and the member both open version 1; the lead saves first.
    saveUpdate(w.lead, form(w.en1.id, w.q4.id, { version: "1", status: "at_risk", percentComplete: "30", narrative: "Funding slipped to spring." }));
    const leadSavedAt = lastAuditAt();
    const before = snapshot();
    const e = refusal(() => saveUpdate(w.member, form(w.en1.id, w.q4.id, { version: "1", narrative: "My own words." })));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toBe(
      `This update was changed by Lena Lead at ${stamp(leadSavedAt)} after you opened it. Your text is still in the form; reload to see theirs, then apply yours again. Their version: at risk, 30% — “Funding slipped to spring.”`,
    );
    expect(snapshot()).toBe(before);
  });

  it("names the reviewer when a review came in between", () => {
    const w = world();
    const u = saveUpdate(w.member, form(w.en1.id, w.q4.id, { narrative: "Done the survey." }));
    reviewUpdate(w.admin, { updateId: u.id, version: u.version, decision: "return", note: "Which survey?" });
    const e = refusal(() => saveUpdate(w.member, form(w.en1.id, w.q4.id, { version: String(u.version), narrative: "Done the energy survey." })));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toMatch(/^This update was changed by Olive Staff at \d{4}-\d\d-\d\d \d\d:\d\d UTC after you opened it\./);
  });

  it("keeps one update per action and period: a second new one is a conflict", () => {
    const w = world();
    saveUpdate(w.lead, form(w.en1.id, w.q4.id, { narrative: "From the lead." }));
    const e = refusal(() => saveUpdate(w.member, form(w.en1.id, w.q4.id, { version: "0", narrative: "From the member." })));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toContain("“From the lead.”");
    expect(getDb().select().from(progressUpdates).all().map((u) => u.narrative)).toEqual(["From the lead."]);
    // The database says the same.
    expect(() => getDb().insert(progressUpdates).values({ actionId: w.en1.id, periodId: w.q4.id, status: "on_track", percentComplete: 1 }).run()).toThrow(/UNIQUE constraint failed: progress_updates\.action_id, progress_updates\.period_id/);
  });

  it("refuses an edit of an update that no longer exists", () => {
    const w = world();
    const e = refusal(() => saveUpdate(w.member, form(w.en1.id, w.q4.id, { version: "3" })));
    expect(e).toMatchObject({ code: "CONFLICT", message: "This update was removed after you opened it; reload the page." });
  });

  it("sends an edited accepted update back for review", () => {
    const w = world();
    const u = saveUpdate(w.member, form(w.en1.id, w.q4.id));
    const accepted = reviewUpdate(w.admin, { updateId: u.id, version: u.version, decision: "accept" });
    const edited = saveUpdate(w.lead, form(w.en1.id, w.q4.id, { version: String(accepted.version), percentComplete: "45" }));
    expect(edited).toMatchObject({ reviewState: "submitted", reviewedById: null, reviewedAt: null, reviewNote: null, lastEditedById: w.lead.userId, authorId: w.member.userId, version: 3 });
  });
});

describe("submitDrafts", () => {
  function draft(w: ReturnType<typeof world>, code: string, narrative: string) {
    return saveUpdate(w.member, form(action(code).id, w.q4.id, { intent: "draft", narrative }));
  }

  it("submits every listed draft at once", () => {
    const w = world();
    const a = draft(w, "EN-1", "One.");
    const b = draft(w, "EN-2", "Two.");
    expect(submitDrafts(w.lead, { updateIds: [String(a.id), String(b.id)] })).toEqual({ submitted: 2 });
    for (const d of [a, b]) {
      expect(update(d.id)).toMatchObject({ reviewState: "submitted", version: 2, lastEditedById: w.lead.userId, authorId: w.member.userId });
      expect(auditActions("progress_update", d.id)).toEqual(["update.save_draft", "update.submit"]);
    }
  });

  it("submits none when one draft has no narrative yet", () => {
    const w = world();
    const ids = [draft(w, "EN-1", "One."), draft(w, "EN-2", ""), draft(w, "EN-3", "Three.")].map((d) => d.id);
    const before = snapshot();
    const e = refusal(() => submitDrafts(w.member, { updateIds: ids }));
    expect(e).toMatchObject({ code: "INVALID_INPUT", message: "The draft for EN-2 has no narrative yet; add one before submitting." });
    expect(snapshot()).toBe(before);
  });

  it("submits none when one draft is not the person's to submit", () => {
    const w = world();
    const mine = draft(w, "EN-1", "One.");
    const theirs = saveUpdate(w.admin, form(w.hw1.id, w.q4.id, { intent: "draft" }));
    const before = snapshot();
    expect(refusal(() => submitDrafts(w.member, { updateIds: [mine.id, theirs.id] })).code).toBe("FORBIDDEN");
    expect(snapshot()).toBe(before);
  });

  it("skips updates that are no longer drafts, and refuses unknown ones", () => {
    const w = world();
    const a = draft(w, "EN-1", "One.");
    const b = draft(w, "EN-2", "Two.");
    submitDrafts(w.member, { updateIds: a.id });
    expect(submitDrafts(w.member, { updateIds: [a.id, b.id] })).toEqual({ submitted: 1 });
    expect(update(a.id).version).toBe(2);
    expect(refusal(() => submitDrafts(w.member, { updateIds: [b.id, 9_999] })).code).toBe("NOT_FOUND");
    expect(fieldErrorsOf(() => submitDrafts(w.member, {}))).toEqual({ updateIds: ["There are no drafts to submit."] });
  });

  it("refuses the whole batch when a colleague changed a draft after the page loaded", () => {
    const w = world();
    const a = draft(w, "EN-1", "One.");
    const b = draft(w, "EN-2", "Two.");
    saveUpdate(w.lead, form(action("EN-2").id, w.q4.id, { version: String(b.version), intent: "draft", narrative: "Two, corrected." }));
    const before = snapshot();
    const e = refusal(() => submitDrafts(w.member, { updateIds: [`${a.id}@${a.version}`, `${b.id}@${b.version}`] }));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toMatch(/changed by Lena Lead at /);
    expect(snapshot()).toBe(before);
  });

  it("refuses a signed-out caller even when nothing is a draft", () => {
    const w = world();
    const a = saveUpdate(w.member, form(w.en1.id, w.q4.id));
    expect(refusal(() => submitDrafts(ANONYMOUS, { updateIds: [a.id] })).code).toBe("UNAUTHORIZED");
  });

  it("clears the old review of a returned update that went back to draft", () => {
    const w = world();
    const u = saveUpdate(w.member, form(w.en1.id, w.q4.id));
    const returned = reviewUpdate(w.admin, { updateId: u.id, version: u.version, decision: "return", note: "Add the figures." });
    saveUpdate(w.member, form(w.en1.id, w.q4.id, { version: String(returned.version), intent: "draft", narrative: "Figures: 12 sites." }));
    submitDrafts(w.member, { updateIds: [u.id] });
    expect(update(u.id)).toMatchObject({ reviewState: "submitted", reviewNote: null, reviewedAt: null, reviewedById: null });
  });
});

describe("reviewUpdate", () => {
  function submitted(w: ReturnType<typeof world>, over: Record<string, unknown> = {}) {
    return saveUpdate(w.member, form(w.en1.id, w.q4.id, { status: "at_risk", percentComplete: "35", ...over }));
  }

  it("accepts a submitted update and rolls it up to the action", () => {
    const w = world();
    const u = submitted(w);
    const r = reviewUpdate(w.admin, { updateId: String(u.id), version: String(u.version), decision: "accept" });
    expect(r).toMatchObject({ reviewState: "accepted", reviewedById: w.admin.userId, reviewNote: null, version: 2 });
    expect(r.reviewedAt).toMatch(/^\d{4}-/);
    expect(action("EN-1")).toMatchObject({ status: "at_risk", percentComplete: 35 });
    expect(auditActions("progress_update", u.id)).toEqual(["update.submit", "update.accept"]);
  });

  it("returns a submitted update with a note", () => {
    const w = world();
    const u = submitted(w);
    const r = reviewUpdate(w.admin, { updateId: u.id, version: u.version, decision: "return", note: "  Say which sites.  " });
    expect(r).toMatchObject({ reviewState: "returned", reviewNote: "Say which sites.", reviewedById: w.admin.userId, version: 2 });
    const diff = JSON.parse(getDb().select().from(auditLog).all().at(-1)!.diff!);
    expect(diff).toEqual({ before: { reviewState: "submitted" }, after: { reviewState: "returned", note: "Say which sites." } });
  });

  it("needs a note to return an update", () => {
    const w = world();
    const u = submitted(w);
    expect(fieldErrorsOf(() => reviewUpdate(w.admin, { updateId: u.id, version: u.version, decision: "return", note: "  " }))).toEqual({ note: ["Tell the author what to fix."] });
    expect(update(u.id).reviewState).toBe("submitted");
  });

  it("returns an accepted update", () => {
    const w = world();
    const u = submitted(w);
    const accepted = reviewUpdate(w.admin, { updateId: u.id, version: 1, decision: "accept" });
    expect(reviewUpdate(w.admin, { updateId: u.id, version: accepted.version, decision: "return", note: "The figures were wrong." })).toMatchObject({ reviewState: "returned", version: 3 });
  });

  it("cannot accept a draft or a returned update, nor return a draft", () => {
    const w = world();
    const d = saveUpdate(w.member, form(w.en1.id, w.q4.id, { intent: "draft" }));
    expect(refusal(() => reviewUpdate(w.admin, { updateId: d.id, version: 1, decision: "accept" }))).toMatchObject({ code: "CONFLICT", message: "This update is still a draft and cannot be accepted now." });
    expect(refusal(() => reviewUpdate(w.admin, { updateId: d.id, version: 1, decision: "return", note: "x" }))).toMatchObject({ code: "CONFLICT", message: "This update is still a draft and cannot be returned now." });
    const s = saveUpdate(w.member, form(w.en2.id, w.q4.id));
    const returned = reviewUpdate(w.admin, { updateId: s.id, version: 1, decision: "return", note: "Add figures." });
    expect(refusal(() => reviewUpdate(w.admin, { updateId: s.id, version: returned.version, decision: "accept" }))).toMatchObject({ code: "CONFLICT", message: "This update is returned and cannot be accepted now." });
    expect(refusal(() => reviewUpdate(w.admin, { updateId: 9_999, version: 1, decision: "accept" })).code).toBe("NOT_FOUND");
  });

  it("refuses a review made on a stale version, naming the other reviewer", () => {
    const w = world();
    const u = submitted(w);
    const colleague = makeUser("Carla Colleague", "admin");
    reviewUpdate(colleague, { updateId: u.id, version: 1, decision: "accept" });
    const before = snapshot();
    const e = refusal(() => reviewUpdate(w.admin, { updateId: u.id, version: 1, decision: "return", note: "Needs figures." }));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toBe(
      `This update was changed by Carla Colleague at ${stamp(lastAuditAt())} after you opened it. Your text is still in the form; reload to see theirs, then apply yours again. Their version: at risk, 35% — “Met the three utilities.”`,
    );
    expect(snapshot()).toBe(before);
  });

  it.each(["lead", "member", "viewer", "anonymous"] as const)("is for admins only: %s is refused and nothing is written", (who) => {
    const w = world();
    const u = submitted(w);
    const actor = who === "anonymous" ? ANONYMOUS : w[who];
    const before = snapshot();
    expect(refusal(() => reviewUpdate(actor, { updateId: u.id, version: 1, decision: "accept" })).code).toBe(who === "anonymous" ? "UNAUTHORIZED" : "FORBIDDEN");
    expect(snapshot()).toBe(before);
  });
});

describe("returned updates", () => {
  it("the author sees a returned update until they fix and resubmit it", () => {
    const w = world();
    const u = saveUpdate(w.member, form(w.en1.id, w.q4.id, { narrative: "Surveyed sites." }));
    const returned = reviewUpdate(w.admin, { updateId: u.id, version: u.version, decision: "return", note: "How many sites?" });
    const seen = (who: UserActor) => listReturnedFor(who.userId).map((r) => ({ code: r.code, note: r.note, periodLabel: r.periodLabel }));
    expect(seen(w.member)).toEqual([{ code: "EN-1", note: "How many sites?", periodLabel: "2026 Q4" }]);
    expect(seen(w.lead)).toEqual([]);

    const fixed = saveUpdate(w.member, form(w.en1.id, w.q4.id, { version: String(returned.version), narrative: "Surveyed 12 sites." }));
    expect(fixed).toMatchObject({ reviewState: "submitted", reviewNote: null, reviewedById: null, reviewedAt: null, narrative: "Surveyed 12 sites.", version: 3 });
    expect(seen(w.member)).toEqual([]);
    expect(auditActions("progress_update", u.id)).toEqual(["update.submit", "update.return", "update.submit"]);
    expect(reviewUpdate(w.admin, { updateId: u.id, version: fixed.version, decision: "accept" }).reviewState).toBe("accepted");
  });

  it("a colleague who last edited a returned update sees it too", () => {
    const w = world();
    const u = saveUpdate(w.member, form(w.en1.id, w.q4.id, { intent: "draft" }));
    const s = saveUpdate(w.lead, form(w.en1.id, w.q4.id, { version: String(u.version) }));
    reviewUpdate(w.admin, { updateId: u.id, version: s.version, decision: "return", note: "More detail." });
    expect(listReturnedFor(w.member.userId).map((r) => r.code)).toEqual(["EN-1"]);
    expect(listReturnedFor(w.lead.userId).map((r) => r.code)).toEqual(["EN-1"]);
    expect(listReturnedFor(w.outsider.userId)).toEqual([]);
  });
});
