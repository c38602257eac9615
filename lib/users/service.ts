import { and, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { getDb, type DbOrTx, type Tx } from "@/db";
import { accountTokens, users, workGroupMembers, workGroups } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { generateOneTimePassword, hashPassword, verifyPassword } from "@/lib/auth/password";
import { authorize } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { sendMail } from "@/lib/mail/send";
import {
  acceptInvitationSchema,
  changePasswordSchema,
  changeRoleSchema,
  createUserSchema,
  inviteUserSchema,
  membershipSchema,
  resetPasswordSchema,
  setUserActiveSchema,
  updateProfileSchema,
  userIdSchema,
} from "./schema";
import { appUrl, hashToken, INVITATION_TTL_MS, newToken, RESET_TTL_MS } from "./tokens";

const now = () => new Date().toISOString();

function userOrThrow(tx: DbOrTx, userId: number) {
  const user = tx.select().from(users).where(eq(users.id, userId)).get();
  if (!user) throw new AppError("NOT_FOUND", "No such user.");
  return user;
}

function assertEmailFree(tx: Tx, email: string) {
  if (tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`).get()) {
    throw new AppError("CONFLICT", "Someone with this email already has an account.", { email: ["already has an account"] });
  }
}

function assertGroupsExist(tx: Tx, ids: number[]) {
  if (ids.length === 0) return;
  const found = tx.select({ id: workGroups.id }).from(workGroups).where(inArray(workGroups.id, ids)).all();
  if (found.length !== new Set(ids).size) throw new AppError("INVALID_INPUT", "One of the chosen work groups does not exist.", { workGroupIds: ["unknown work group"] });
}

// A lead of a group starts as its lead; everyone else joins as a member.
function joinGroups(tx: Tx, userId: number, role: string, ids: number[]) {
  for (const workGroupId of new Set(ids)) {
    tx.insert(workGroupMembers).values({ workGroupId, userId, role: role === "lead" ? "lead" : "member" }).onConflictDoNothing().run();
  }
}

// CLI and first start: an account with a one-time password the person must replace at first sign-in.
export async function createUser(actor: Actor, input: unknown) {
  const data = createUserSchema.parse(input);
  authorize(actor, "user.manage");
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const user = getDb().transaction((tx) => {
    assertEmailFree(tx, data.email);
    assertGroupsExist(tx, data.workGroupIds);
    const row = tx.insert(users).values({ email: data.email, name: data.name, role: data.role, passwordHash, mustChangePassword: true }).returning().get();
    joinGroups(tx, row.id, data.role, data.workGroupIds);
    recordAudit(tx, actor, { action: "user.create", entityType: "user", entityId: row.id, after: { email: row.email, name: row.name, role: row.role, workGroupIds: data.workGroupIds } });
    return row;
  });
  return { user: { id: user.id, email: user.email, name: user.name, role: user.role }, oneTimePassword };
}

export async function inviteUser(actor: Actor, input: unknown) {
  const data = inviteUserSchema.parse(input);
  authorize(actor, "user.manage");
  const { token, tokenHash } = newToken();
  const expiresAt = new Date(Date.now() + INVITATION_TTL_MS).toISOString();
  const id = getDb().transaction((tx) => {
    assertEmailFree(tx, data.email);
    assertGroupsExist(tx, data.workGroupIds);
    const row = tx
      .insert(accountTokens)
      .values({ kind: "invitation", tokenHash, email: data.email, role: data.role, workGroupIds: JSON.stringify(data.workGroupIds), createdById: actor.kind === "user" ? actor.userId : null, expiresAt })
      .returning({ id: accountTokens.id })
      .get();
    recordAudit(tx, actor, { action: "user.invite", entityType: "invitation", entityId: row.id, after: { email: data.email, role: data.role, workGroupIds: data.workGroupIds, expiresAt } });
    return row.id;
  });
  const url = appUrl(`/invite/${token}`);
  const emailed = await sendMail({
    to: data.email,
    subject: "You are invited to the Cluster Action Tracker",
    text: `You have been invited to the Cluster Action Tracker as ${data.role}.\n\nChoose your password here (the link works once and expires in 7 days):\n${url}\n`,
  }).catch(() => false);
  return { invitationId: id, url, expiresAt, emailed };
}

function validToken(tx: DbOrTx, token: string, kind: "invitation" | "password_reset") {
  const row = tx
    .select()
    .from(accountTokens)
    .where(and(eq(accountTokens.tokenHash, hashToken(token)), eq(accountTokens.kind, kind), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now())))
    .get();
  if (!row) throw new AppError("NOT_FOUND", "This link is not valid: it may have expired or already been used. Ask an administrator for a new one.");
  return row;
}

// For the invitation and reset pages: is the link still good, and for whom?
export function describeToken(token: string, kind: "invitation" | "password_reset") {
  try {
    const row = validToken(getDb(), token, kind);
    return { email: row.email, role: row.role, expiresAt: row.expiresAt };
  } catch {
    return null;
  }
}

export async function acceptInvitation(input: unknown) {
  const data = acceptInvitationSchema.parse(input);
  const passwordHash = await hashPassword(data.password);
  return getDb().transaction((tx) => {
    const invitation = validToken(tx, data.token, "invitation");
    assertEmailFree(tx, invitation.email);
    const user = tx.insert(users).values({ email: invitation.email, name: data.name, role: invitation.role ?? "viewer", passwordHash }).returning().get();
    const groupIds = (JSON.parse(invitation.workGroupIds ?? "[]") as number[]).filter((id) => tx.select({ id: workGroups.id }).from(workGroups).where(eq(workGroups.id, id)).get());
    joinGroups(tx, user.id, user.role, groupIds);
    tx.update(accountTokens).set({ usedAt: now(), userId: user.id }).where(eq(accountTokens.id, invitation.id)).run();
    const self: Actor = { kind: "user", userId: user.id, role: user.role, label: user.name, leadOf: [], memberOf: [] };
    recordAudit(tx, self, { action: "user.accept_invitation", entityType: "user", entityId: user.id, after: { email: user.email, name: user.name, role: user.role, workGroupIds: groupIds } });
    return { userId: user.id, email: user.email };
  });
}

// Deactivating, reactivating, changing a role or a password all bump the
// session version, which ends every session of that user at once.
export function setUserActive(actor: Actor, input: unknown) {
  const data = setUserActiveSchema.parse(input);
  authorize(actor, "user.manage");
  if (actor.kind === "user" && actor.userId === data.userId && !data.isActive) throw new AppError("CONFLICT", "You cannot deactivate your own account.");
  getDb().transaction((tx) => {
    const user = userOrThrow(tx, data.userId);
    tx.update(users).set({ isActive: data.isActive, sessionVersion: user.sessionVersion + 1, updatedAt: now() }).where(eq(users.id, user.id)).run();
    recordAudit(tx, actor, { action: data.isActive ? "user.reactivate" : "user.deactivate", entityType: "user", entityId: user.id, before: { isActive: user.isActive }, after: { isActive: data.isActive } });
  });
}

export function changeUserRole(actor: Actor, input: unknown) {
  const data = changeRoleSchema.parse(input);
  authorize(actor, "user.manage");
  if (actor.kind === "user" && actor.userId === data.userId && data.role !== "admin") throw new AppError("CONFLICT", "You cannot remove your own admin role; ask another admin.");
  getDb().transaction((tx) => {
    const user = userOrThrow(tx, data.userId);
    if (user.role === data.role) return;
    tx.update(users).set({ role: data.role, sessionVersion: user.sessionVersion + 1, updatedAt: now() }).where(eq(users.id, user.id)).run();
    recordAudit(tx, actor, { action: "user.change_role", entityType: "user", entityId: user.id, before: { role: user.role }, after: { role: data.role } });
  });
}

export async function issuePasswordReset(actor: Actor, input: unknown) {
  const data = userIdSchema.parse(input);
  authorize(actor, "user.manage");
  const { token, tokenHash } = newToken();
  const expiresAt = new Date(Date.now() + RESET_TTL_MS).toISOString();
  const email = getDb().transaction((tx) => {
    const user = userOrThrow(tx, data.userId);
    const row = tx
      .insert(accountTokens)
      .values({ kind: "password_reset", tokenHash, email: user.email, userId: user.id, createdById: actor.kind === "user" ? actor.userId : null, expiresAt })
      .returning({ id: accountTokens.id })
      .get();
    recordAudit(tx, actor, { action: "user.issue_reset", entityType: "user", entityId: user.id, after: { tokenId: row.id, expiresAt } });
    return user.email;
  });
  const url = appUrl(`/reset/${token}`);
  const emailed = await sendMail({ to: email, subject: "Reset your Cluster Action Tracker password", text: `Choose a new password here (the link works once and expires in 24 hours):\n${url}\n` }).catch(() => false);
  return { url, expiresAt, emailed };
}

export async function resetPassword(input: unknown) {
  const data = resetPasswordSchema.parse(input);
  const passwordHash = await hashPassword(data.password);
  getDb().transaction((tx) => {
    const reset = validToken(tx, data.token, "password_reset");
    const user = userOrThrow(tx, reset.userId ?? 0);
    tx.update(users).set({ passwordHash, mustChangePassword: false, sessionVersion: user.sessionVersion + 1, updatedAt: now() }).where(eq(users.id, user.id)).run();
    tx.update(accountTokens).set({ usedAt: now() }).where(eq(accountTokens.id, reset.id)).run();
    const self: Actor = { kind: "user", userId: user.id, role: user.role, label: user.name, leadOf: [], memberOf: [] };
    recordAudit(tx, self, { action: "user.reset_password", entityType: "user", entityId: user.id });
  });
}

export function updateProfile(actor: Actor, input: unknown) {
  const data = updateProfileSchema.parse(input);
  if (actor.kind !== "user") throw new AppError("UNAUTHORIZED", "Please sign in to do that.");
  getDb().transaction((tx) => {
    const user = userOrThrow(tx, actor.userId);
    tx.update(users).set({ name: data.name, updatedAt: now() }).where(eq(users.id, user.id)).run();
    recordAudit(tx, actor, { action: "user.update_profile", entityType: "user", entityId: user.id, before: { name: user.name }, after: { name: data.name } });
  });
}

export async function changePassword(actor: Actor, input: unknown) {
  const data = changePasswordSchema.parse(input);
  if (actor.kind !== "user") throw new AppError("UNAUTHORIZED", "Please sign in to do that.");
  const current = userOrThrow(getDb(), actor.userId);
  if (!current.passwordHash || !(await verifyPassword(current.passwordHash, data.currentPassword))) {
    throw new AppError("INVALID_INPUT", "Your current password is not correct.", { currentPassword: ["not correct"] });
  }
  const passwordHash = await hashPassword(data.newPassword);
  getDb().transaction((tx) => {
    const user = userOrThrow(tx, actor.userId);
    tx.update(users).set({ passwordHash, mustChangePassword: false, sessionVersion: user.sessionVersion + 1, updatedAt: now() }).where(eq(users.id, user.id)).run();
    recordAudit(tx, actor, { action: "user.change_password", entityType: "user", entityId: user.id });
  });
}

export function signOutEverywhere(actor: Actor) {
  if (actor.kind !== "user") throw new AppError("UNAUTHORIZED", "Please sign in to do that.");
  getDb().transaction((tx) => {
    const user = userOrThrow(tx, actor.userId);
    tx.update(users).set({ sessionVersion: user.sessionVersion + 1 }).where(eq(users.id, user.id)).run();
    recordAudit(tx, actor, { action: "user.sign_out_everywhere", entityType: "user", entityId: user.id });
  });
}

// Admins manage every group; a lead manages the membership of groups they lead.
export function setMembership(actor: Actor, input: unknown) {
  const data = membershipSchema.parse(input);
  authorize(actor, "workgroup.members.manage", { workGroupId: data.workGroupId });
  getDb().transaction((tx) => {
    if (!tx.select({ id: workGroups.id }).from(workGroups).where(eq(workGroups.id, data.workGroupId)).get()) throw new AppError("NOT_FOUND", "No such work group.");
    userOrThrow(tx, data.userId);
    const where = and(eq(workGroupMembers.workGroupId, data.workGroupId), eq(workGroupMembers.userId, data.userId));
    const before = tx.select({ role: workGroupMembers.role }).from(workGroupMembers).where(where).get()?.role ?? "none";
    if (before === data.role) return;
    tx.delete(workGroupMembers).where(where).run();
    if (data.role !== "none") tx.insert(workGroupMembers).values({ workGroupId: data.workGroupId, userId: data.userId, role: data.role }).run();
    recordAudit(tx, actor, { action: "workgroup.set_membership", entityType: "work_group", entityId: data.workGroupId, before: { userId: data.userId, role: before }, after: { userId: data.userId, role: data.role } });
  });
}
