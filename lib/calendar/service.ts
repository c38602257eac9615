import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { appUrl, newToken } from "@/lib/users/tokens";

export const calendarPath = (token: string) => `/calendar/${token}`;

function self(actor: Actor) {
  authorize(actor, "plan.read");
  if (actor.kind !== "user") throw new AppError("INVALID_INPUT", "Only a signed-in person has a calendar feed.");
  return actor;
}

// Creates the person's secret calendar (ICS) link, or replaces it: the old
// link stops working at once. Only the token's SHA-256 is stored, so the full
// URL is returned here once and can never be shown again.
export function createCalendarLink(actor: Actor): { url: string; replaced: boolean } {
  const me = self(actor);
  const { token, tokenHash } = newToken();
  const replaced = getDb().transaction((tx) => {
    const user = tx.select({ id: users.id, hash: users.calendarTokenHash }).from(users).where(eq(users.id, me.userId)).get();
    if (!user) throw new AppError("NOT_FOUND", "No such user.");
    tx.update(users).set({ calendarTokenHash: tokenHash, updatedAt: new Date().toISOString() }).where(eq(users.id, user.id)).run();
    recordAudit(tx, actor, { action: user.hash ? "user.calendar_link_reset" : "user.calendar_link_create", entityType: "user", entityId: user.id });
    return user.hash !== null;
  });
  return { url: appUrl(calendarPath(token)), replaced };
}

export function removeCalendarLink(actor: Actor): void {
  const me = self(actor);
  getDb().transaction((tx) => {
    const user = tx.select({ id: users.id, hash: users.calendarTokenHash }).from(users).where(eq(users.id, me.userId)).get();
    if (!user?.hash) return;
    tx.update(users).set({ calendarTokenHash: null, updatedAt: new Date().toISOString() }).where(eq(users.id, user.id)).run();
    recordAudit(tx, actor, { action: "user.calendar_link_remove", entityType: "user", entityId: user.id });
  });
}

export function hasCalendarLink(userId: number): boolean {
  return Boolean(getDb().select({ hash: users.calendarTokenHash }).from(users).where(eq(users.id, userId)).get()?.hash);
}
