import { and, eq } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { getDb } from "@/db";
import { users, workGroupMembers } from "@/db/schema";
import { ANONYMOUS, type Actor, type UserActor } from "./actor";
import { getAuthOptions, SESSION_MAX_AGE_S } from "./options";

const sessionClaims = z.object({ uid: z.number().int().positive(), sv: z.number().int(), authTime: z.number() });

export function loadUserActor(userId: number): (UserActor & { mustChangePassword: boolean; email: string; sessionVersion: number; isActive: boolean }) | null {
  const db = getDb();
  const user = db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, isActive: users.isActive, sessionVersion: users.sessionVersion, mustChangePassword: users.mustChangePassword })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  if (!user) return null;
  const memberships = db.select({ workGroupId: workGroupMembers.workGroupId, role: workGroupMembers.role }).from(workGroupMembers).where(and(eq(workGroupMembers.userId, userId))).all();
  return {
    kind: "user",
    userId: user.id,
    role: user.role,
    label: user.name,
    email: user.email,
    isActive: user.isActive,
    sessionVersion: user.sessionVersion,
    mustChangePassword: user.mustChangePassword,
    leadOf: memberships.filter((m) => m.role === "lead").map((m) => m.workGroupId),
    memberOf: memberships.map((m) => m.workGroupId),
  };
}

// The signed-in user for this request, checked against the database every
// time: a deactivated user, or one whose password or role changed (session
// version bumped), is anonymous from their very next request.
export const getCurrentUser = cache(async () => {
  const session = await getServerSession(getAuthOptions());
  const claims = sessionClaims.safeParse(session);
  if (!claims.success) return null;
  if (Date.now() - claims.data.authTime > SESSION_MAX_AGE_S * 1000) return null;
  const user = loadUserActor(claims.data.uid);
  if (!user || !user.isActive || user.sessionVersion !== claims.data.sv) return null;
  return user;
});

export async function getCurrentActor(): Promise<Actor> {
  return (await getCurrentUser()) ?? ANONYMOUS;
}

// For pages: the signed-in user, or off to the sign-in page. Users holding a
// one-time password are sent to choose their own first.
export async function requireUser(options: { allowPasswordChange?: boolean } = {}) {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (user.mustChangePassword && !options.allowPasswordChange) redirect("/profile?change=required");
  return user;
}
