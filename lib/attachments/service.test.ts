import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { actions, attachments, auditLog, plans, progressUpdates, reportingPeriods, users, workGroupMembers, workGroups } from "@/db/schema";
import type { UserRole } from "@/db/schema/enums";
import { ANONYMOUS, type Actor } from "@/lib/auth/actor";
import { loadUserActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { sampleHtml, samplePdf, samplePng } from "@/lib/test/sample-files";
import { contentDisposition, downloadResponse } from "./download";
import { addAttachments, openAttachment, removeAttachment } from "./service";
import { attachmentsDirectory } from "./storage";

let dataDir: string;
const previousDataDir = process.env.DATA_DIR;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cat-attachments-"));
  process.env.DATA_DIR = dataDir;
});

afterEach(() => {
  if (previousDataDir === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = previousDataDir;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const pdf = (name = "evidence.pdf", text?: string) => new File([new Uint8Array(samplePdf(text))], name);
const storedFiles = () => (fs.existsSync(attachmentsDirectory()) ? fs.readdirSync(attachmentsDirectory()) : []);

async function refused(p: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof p === "function" ? p() : p);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

// One plan with two work groups, an action in the first with an update in the
// open period, and a person for every role that matters.
function setUp() {
  const db = getDb();
  const plan = db.insert(plans).values({ slug: "p", title: "Plan", region: "R" }).returning().get();
  const group = db.insert(workGroups).values({ planId: plan.id, key: "energy", name: "Energy" }).returning().get();
  const other = db.insert(workGroups).values({ planId: plan.id, key: "health", name: "Health" }).returning().get();
  const person = (email: string, role: UserRole, membership?: { groupId: number; role: "lead" | "member" }) => {
    const u = db.insert(users).values({ email, name: email.split("@")[0]!, role }).returning().get();
    if (membership) db.insert(workGroupMembers).values({ workGroupId: membership.groupId, userId: u.id, role: membership.role }).run();
    return loadUserActor(u.id)!;
  };
  const lead = person("lead@example.org", "lead", { groupId: group.id, role: "lead" });
  const contributor = person("contributor@example.org", "contributor", { groupId: group.id, role: "member" });
  const otherLead = person("other.lead@example.org", "lead", { groupId: other.id, role: "lead" });
  const assignee = person("assignee@example.org", "contributor");
  const viewer = person("viewer@example.org", "viewer");
  const admin = person("admin@example.org", "admin");
  const action = db.insert(actions).values({ planId: plan.id, code: "E-1", text: "Do it", workGroupId: group.id, leadUserId: assignee.userId }).returning().get();
  const period = db.insert(reportingPeriods).values({ planId: plan.id, label: "2026 Q4", startDate: "2026-10-01", endDate: "2026-12-31", deadline: "2027-01-15", status: "open", isCurrent: true }).returning().get();
  const update = db.insert(progressUpdates).values({ actionId: action.id, periodId: period.id, authorId: lead.userId, status: "on_track", percentComplete: 10, narrative: "Going well." }).returning().get();
  return { lead, contributor, otherLead, assignee, viewer, admin, action, period, update };
}

describe("addAttachments", () => {
  it("stores the files under random names with their checksum, and audits each", async () => {
    const { lead, update } = setUp();
    const added = await addAttachments(lead, { updateId: String(update.id), files: [pdf("Q4 report.pdf"), new File([new Uint8Array(samplePng())], "chart.png")] });
    expect(added.map((a) => [a.fileName, a.contentType])).toEqual([
      ["Q4 report.pdf", "application/pdf"],
      ["chart.png", "image/png"],
    ]);
    const rows = getDb().select().from(attachments).all();
    expect(rows).toHaveLength(2);
    expect(storedFiles().sort()).toEqual(rows.map((r) => r.storedName).sort());
    for (const row of rows) {
      expect(row.storedName).toMatch(/^[0-9a-f]{32}$/);
      expect(row.uploadedById).toBe(lead.userId);
    }
    const stored = fs.readFileSync(path.join(dataDir, "attachments", rows[0]!.storedName));
    expect(stored.equals(samplePdf())).toBe(true);
    expect(rows[0]!.sha256).toBe(createHash("sha256").update(samplePdf()).digest("hex"));
    const audit = getDb().select().from(auditLog).where(eq(auditLog.action, "attachment.add")).all();
    expect(audit.map((a) => [a.entityType, a.entityId, a.actorUserId])).toEqual(rows.map((r) => ["attachment", String(r.id), lead.userId]));
    expect(JSON.parse(audit[0]!.diff!).after).toMatchObject({ fileName: "Q4 report.pdf", action: "E-1", period: "2026 Q4" });
  });

  it("lets group members, the action's assignee and admins attach", async () => {
    const { contributor, assignee, admin, update } = setUp();
    for (const actor of [contributor, assignee, admin]) await expect(addAttachments(actor, { updateId: update.id, files: [pdf()] })).resolves.toHaveLength(1);
  });

  it("does nothing for an empty file input", async () => {
    const { lead, update } = setUp();
    await expect(addAttachments(lead, { updateId: update.id, files: [new File([], "")] })).resolves.toEqual([]);
    expect(storedFiles()).toEqual([]);
  });

  it("refuses viewers, leads of other groups and anonymous visitors, and writes nothing", async () => {
    const { viewer, otherLead, update } = setUp();
    const cases: [Actor, string][] = [
      [viewer, "FORBIDDEN"],
      [otherLead, "FORBIDDEN"],
      [ANONYMOUS, "UNAUTHORIZED"],
    ];
    for (const [actor, code] of cases) expect((await refused(addAttachments(actor, { updateId: update.id, files: [pdf()] }))).code).toBe(code);
    expect(storedFiles()).toEqual([]);
    expect(getDb().select().from(attachments).all()).toEqual([]);
  });

  it("takes files for a closed period's update only from admins", async () => {
    const { lead, admin, period, update } = setUp();
    getDb().update(reportingPeriods).set({ status: "closed" }).where(eq(reportingPeriods.id, period.id)).run();
    expect((await refused(addAttachments(lead, { updateId: update.id, files: [pdf()] }))).message).toMatch(/2026 Q4 is closed/);
    await expect(addAttachments(admin, { updateId: update.id, files: [pdf()] })).resolves.toHaveLength(1);
  });

  it("refuses a missing update", async () => {
    const { admin } = setUp();
    expect((await refused(addAttachments(admin, { updateId: 999, files: [pdf()] }))).code).toBe("NOT_FOUND");
  });

  it("writes nothing when one of the files is refused", async () => {
    const { lead, update } = setUp();
    const error = await refused(addAttachments(lead, { updateId: update.id, files: [pdf("good.pdf"), new File([new Uint8Array(sampleHtml())], "fake.pdf")] }));
    expect(error.fieldErrors?.attachments?.[0]).toMatch(/“fake\.pdf” is not a real PDF/);
    expect(storedFiles()).toEqual([]);
    expect(getDb().select().from(attachments).all()).toEqual([]);
  });

  it("leaves no file behind when the database refuses the rows", async () => {
    const { lead, update } = setUp();
    getDb().$client.exec("CREATE TRIGGER refuse_attachments BEFORE INSERT ON attachments BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    await expect(addAttachments(lead, { updateId: update.id, files: [pdf("a.pdf"), pdf("b.pdf")] })).rejects.toThrow(/disk full/);
    expect(storedFiles()).toEqual([]);
    expect(getDb().select().from(auditLog).where(eq(auditLog.action, "attachment.add")).all()).toEqual([]);
  });

  it("limits the files per update across uploads", async () => {
    const { lead, update } = setUp();
    await addAttachments(lead, { updateId: update.id, files: [1, 2, 3, 4].map((i) => pdf(`${i}.pdf`)) });
    expect((await refused(addAttachments(lead, { updateId: update.id, files: [pdf("5.pdf"), pdf("6.pdf")] }))).message).toMatch(/you can add 1 more/);
    expect(storedFiles()).toHaveLength(4);
  });
});

describe("removeAttachment", () => {
  it("removes the row and the file for the update's editors, audited, and refuses viewers", async () => {
    const { lead, contributor, viewer, update } = setUp();
    const [added] = await addAttachments(lead, { updateId: update.id, files: [pdf()] });
    expect((await refused(() => removeAttachment(viewer, { attachmentId: added!.id }))).code).toBe("FORBIDDEN");
    expect(storedFiles()).toHaveLength(1);
    expect(removeAttachment(contributor, { attachmentId: String(added!.id) })).toEqual({ id: added!.id, updateId: update.id });
    expect(storedFiles()).toEqual([]);
    expect(getDb().select().from(attachments).all()).toEqual([]);
    const audit = getDb().select().from(auditLog).where(eq(auditLog.action, "attachment.remove")).get()!;
    expect(JSON.parse(audit.diff!).before).toMatchObject({ fileName: "evidence.pdf" });
    expect((await refused(() => removeAttachment(contributor, { attachmentId: added!.id }))).code).toBe("NOT_FOUND");
  });
});

describe("openAttachment and the download response", () => {
  it("serves the bytes to any reader, as a download with the stored type", async () => {
    const { lead, viewer, update } = setUp();
    const [added] = await addAttachments(lead, { updateId: update.id, files: [pdf("Rapport été.pdf", "unique content")] });
    const opened = openAttachment(viewer, String(added!.id));
    const response = downloadResponse(opened);
    expect(Buffer.from(await response.arrayBuffer()).equals(samplePdf("unique content"))).toBe(true);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/pdf",
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      "content-disposition": `attachment; filename="Rapport _t_.pdf"; filename*=UTF-8''Rapport%20%C3%A9t%C3%A9.pdf`,
    });
  });

  it("refuses anonymous visitors and unknown or malformed ids", async () => {
    const { lead, viewer, update } = setUp();
    const [added] = await addAttachments(lead, { updateId: update.id, files: [pdf()] });
    expect((await refused(() => openAttachment(ANONYMOUS, added!.id))).code).toBe("UNAUTHORIZED");
    for (const id of ["999", "1e0", "0x1", "../1", "-1", "0"]) expect((await refused(() => openAttachment(viewer, id))).code).toBe("NOT_FOUND");
  });

  it("says NOT_FOUND when the stored file has gone", async () => {
    const { lead, viewer, update } = setUp();
    const [added] = await addAttachments(lead, { updateId: update.id, files: [pdf()] });
    for (const name of storedFiles()) fs.rmSync(path.join(attachmentsDirectory(), name));
    expect((await refused(() => openAttachment(viewer, added!.id))).message).toMatch(/no longer stored/);
  });
});

describe("contentDisposition", () => {
  it("never lets a name break out of the header", () => {
    expect(contentDisposition('a"; filename="evil.html')).toBe(`attachment; filename="a__ filename=_evil.html"; filename*=UTF-8''a%22%3B%20filename%3D%22evil.html`);
  });
});
