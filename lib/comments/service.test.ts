import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { actions, auditLog, comments, users } from "@/db/schema";
import type { UserRole } from "@/db/schema/enums";
import { seedDefaultData } from "@/db/seed/seed";
import { ANONYMOUS, type Actor } from "@/lib/auth/actor";
import { loadUserActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { listComments } from "./queries";
import { addComment, deleteComment, editComment } from "./service";

function world() {
  seedDefaultData();
  const db = getDb();
  const actionId = db.select({ id: actions.id }).from(actions).get()!.id;
  const person = (name: string, role: UserRole): Actor => loadUserActor(db.insert(users).values({ email: `${name.toLowerCase()}@example.org`, name, role }).returning().get().id)!;
  return { actionId, viewer: person("Vera", "viewer"), lead: person("Lee", "lead"), contributor: person("Cory", "contributor"), admin: person("Ada", "admin") };
}

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

const table = () => JSON.stringify(getDb().select().from(comments).all());
const audits = (action: string) => getDb().select().from(auditLog).where(eq(auditLog.action, action)).all();

describe("comments", () => {
  it("any signed-in role may comment; the text is Markdown, rendered sanitised; it is audited", () => {
    const w = world();
    for (const actor of [w.viewer, w.lead, w.contributor, w.admin]) addComment(actor, { actionId: String(w.actionId), body: `Question from ${actor.kind === "user" ? actor.label : ""}` });
    const c = addComment(w.viewer, { actionId: w.actionId, body: "**Why** the delay? <script>alert(1)</script> [see](javascript:alert(1))" });
    const thread = listComments({ actionId: w.actionId });
    expect(thread.map((t) => t.authorName)).toEqual(["Vera", "Lee", "Cory", "Ada", "Vera"]);
    const last = thread.at(-1)!;
    expect(last.html).toContain("<strong>Why</strong>");
    expect(last.html).not.toContain("<script");
    expect(last.html).not.toContain("javascript:");
    const entry = audits("comment.create").at(-1)!;
    expect(entry).toMatchObject({ entityType: "comment", entityId: String(c.id), actorLabel: "Vera" });
    expect(entry.diff).toContain("**Why** the delay?");
  });

  it("refuses anonymous visitors, empty comments and unknown actions, writing nothing", () => {
    const w = world();
    const before = table();
    expect(refusal(() => addComment(ANONYMOUS, { actionId: w.actionId, body: "hi" })).code).toBe("UNAUTHORIZED");
    expect(() => addComment(w.viewer, { actionId: w.actionId, body: "   " })).toThrow(/Write a comment first/);
    expect(refusal(() => addComment(w.viewer, { actionId: 999_999, body: "hi" })).code).toBe("NOT_FOUND");
    expect(table()).toBe(before);
  });

  it("only the author edits, from the version they saw", () => {
    const w = world();
    const c = addComment(w.viewer, { actionId: w.actionId, body: "First try" });
    for (const other of [w.lead, w.admin]) expect(refusal(() => editComment(other, { commentId: c.id, version: c.version, body: "Hijacked" })).code).toBe("FORBIDDEN");
    expect(refusal(() => editComment(ANONYMOUS, { commentId: c.id, version: c.version, body: "x" })).code).toBe("UNAUTHORIZED");

    const edited = editComment(w.viewer, { commentId: c.id, version: String(c.version), body: "Second try" });
    expect(edited).toMatchObject({ body: "Second try", version: 2 });
    // A save from the first version (another tab) is refused and names who changed it.
    const stale = refusal(() => editComment(w.viewer, { commentId: c.id, version: 1, body: "From the old tab" }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toMatch(/changed by Vera at \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(listComments({ actionId: w.actionId })[0]).toMatchObject({ body: "Second try", edited: true });
    const entry = audits("comment.edit")[0]!;
    expect(JSON.parse(entry.diff!)).toEqual({ before: { body: "First try" }, after: { body: "Second try" } });
  });

  it("only admins delete; the comment stays as a removed placeholder, cannot be edited, and the removal is audited", () => {
    const w = world();
    const c = addComment(w.contributor, { actionId: w.actionId, body: "Off-topic remark" });
    for (const actor of [w.viewer, w.lead, w.contributor]) expect(refusal(() => deleteComment(actor, { commentId: c.id })).code).toBe("FORBIDDEN");
    expect(refusal(() => deleteComment(ANONYMOUS, { commentId: c.id })).code).toBe("UNAUTHORIZED");

    deleteComment(w.admin, { commentId: String(c.id) });
    const row = getDb().select().from(comments).where(eq(comments.id, c.id)).get()!;
    expect(row.deletedAt).not.toBeNull();
    expect(row.deletedById).toBe(w.admin.kind === "user" ? w.admin.userId : -1);
    expect(listComments({ actionId: w.actionId })[0]).toMatchObject({ removed: true, body: null, html: null, authorName: "Cory" });

    expect(refusal(() => editComment(w.contributor, { commentId: c.id, version: c.version, body: "Edit after removal" })).message).toMatch(/removed by an administrator/);
    expect(refusal(() => deleteComment(w.admin, { commentId: c.id })).message).toMatch(/already removed by Ada/);
    const entry = audits("comment.delete")[0]!;
    expect(entry.actorLabel).toBe("Ada");
    expect(JSON.parse(entry.diff!).before.body).toBe("Off-topic remark");
  });
});
