import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { accountTokens, users, workGroupMembers } from "@/db/schema";
import { seedDefaultData } from "@/db/seed/seed";
import { systemActor } from "@/lib/auth/actor";
import { authenticate } from "@/lib/auth/authenticate";
import { loadUserActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { acceptInvitation, changePassword, changeUserRole, createUser, describeToken, inviteUser, issuePasswordReset, resetPassword, setUserActive, signOutEverywhere } from "./service";

const admin = systemActor("test-admin");
const tokenOf = (url: string) => url.split("/").pop()!;

async function rejects(p: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof p === "function" ? p() : p);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

describe("invitations", () => {
  it("invite -> accept creates the account with its role and work groups, once", async () => {
    seedDefaultData();
    const groupId = (getDb().$client.prepare("select id from work_groups where key = 'energy-wg'").get() as { id: number }).id;
    const invite = await inviteUser(admin, { email: "New.Lead@Example.org", role: "lead", workGroupIds: [String(groupId)] });
    expect(invite.emailed).toBe(false);
    expect(describeToken(tokenOf(invite.url), "invitation")).toMatchObject({ email: "new.lead@example.org", role: "lead" });
    // Only a hash is stored.
    expect(getDb().select().from(accountTokens).get()!.tokenHash).not.toContain(tokenOf(invite.url));

    const { userId } = await acceptInvitation({ token: tokenOf(invite.url), name: "New Lead", password: "granite meadow sparrow" });
    expect(loadUserActor(userId)).toMatchObject({ role: "lead", leadOf: [groupId], memberOf: [groupId] });
    await expect(authenticate({ email: "new.lead@example.org", password: "granite meadow sparrow", ip: "1" })).resolves.toMatchObject({ id: userId });

    const again = await rejects(acceptInvitation({ token: tokenOf(invite.url), name: "Again", password: "granite meadow sparrow" }));
    expect(again.code).toBe("NOT_FOUND");
  });

  it("refuses an expired invitation, a common password and a taken email", async () => {
    const invite = await inviteUser(admin, { email: "late@example.org", role: "viewer" });
    await expect(acceptInvitation({ token: tokenOf(invite.url), name: "X", password: "password123" })).rejects.toThrow(/too common/);
    getDb().update(accountTokens).set({ expiresAt: "2000-01-01T00:00:00.000Z" }).run();
    expect((await rejects(acceptInvitation({ token: tokenOf(invite.url), name: "X", password: "granite meadow sparrow" }))).code).toBe("NOT_FOUND");
    await createUser(admin, { email: "taken@example.org", name: "Taken", role: "viewer" });
    expect((await rejects(inviteUser(admin, { email: "TAKEN@example.org", role: "viewer" }))).code).toBe("CONFLICT");
  });
});

describe("session version", () => {
  it("is bumped by deactivation, role change, password change, reset and sign-out-everywhere", async () => {
    const { user, oneTimePassword } = await createUser(admin, { email: "p@example.org", name: "P", role: "viewer" });
    const sv = () => getDb().select({ v: users.sessionVersion }).from(users).where(eq(users.id, user.id)).get()!.v;
    const start = sv();
    setUserActive(admin, { userId: user.id, isActive: "false" });
    expect(sv()).toBe(start + 1);
    setUserActive(admin, { userId: user.id, isActive: "true" });
    changeUserRole(admin, { userId: user.id, role: "contributor" });
    expect(sv()).toBe(start + 3);
    const self = loadUserActor(user.id)!;
    await changePassword(self, { currentPassword: oneTimePassword, newPassword: "quiet orchard lamp", confirmPassword: "quiet orchard lamp" });
    expect(sv()).toBe(start + 4);
    expect(loadUserActor(user.id)!.mustChangePassword).toBe(false);
    signOutEverywhere(self);
    expect(sv()).toBe(start + 5);
    const reset = await issuePasswordReset(admin, { userId: user.id });
    await resetPassword({ token: tokenOf(reset.url), password: "brand new garden" });
    expect(sv()).toBe(start + 6);
    await expect(authenticate({ email: "p@example.org", password: "brand new garden", ip: "2" })).resolves.toMatchObject({ id: user.id });
  });

  it("checks the current password and the confirmation when changing it", async () => {
    const { user } = await createUser(admin, { email: "q@example.org", name: "Q", role: "viewer" });
    const self = loadUserActor(user.id)!;
    const wrong = await rejects(changePassword(self, { currentPassword: "not it", newPassword: "quiet orchard lamp", confirmPassword: "quiet orchard lamp" }));
    expect(wrong.fieldErrors).toHaveProperty("currentPassword");
    await expect(changePassword(self, { currentPassword: "x", newPassword: "quiet orchard lamp", confirmPassword: "other" })).rejects.toThrow(/do not match/);
  });

  it("keeps memberships when a user is created with groups", async () => {
    seedDefaultData();
    const groupId = (getDb().$client.prepare("select id from work_groups where key = 'housing-wg'").get() as { id: number }).id;
    const { user } = await createUser(admin, { email: "m@example.org", name: "M", role: "contributor", workGroupIds: [String(groupId)] });
    expect(getDb().select().from(workGroupMembers).where(eq(workGroupMembers.userId, user.id)).all()).toEqual([{ workGroupId: groupId, userId: user.id, role: "member" }]);
  });
});
