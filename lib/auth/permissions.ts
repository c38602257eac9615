import type { UserRole } from "@/db/schema/enums";
import { AppError } from "@/lib/errors";
import type { Actor } from "./actor";

// The one place that says who may do what. Every service calls authorize().
export const PERMISSIONS = ["plan.read", "plan.export", "plan.import"] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ["plan.read", "plan.export"];

export const ROLE_PERMISSIONS: Record<UserRole, readonly Permission[]> = {
  admin: PERMISSIONS,
  lead: READ,
  contributor: READ,
  viewer: READ,
};

// The plan pages are public until sign-in lands; anonymous visitors read only.
const ANONYMOUS_PERMISSIONS: readonly Permission[] = READ;

export function can(actor: Actor, permission: Permission): boolean {
  switch (actor.kind) {
    case "system":
      return true;
    case "anonymous":
      return ANONYMOUS_PERMISSIONS.includes(permission);
    case "user":
      return ROLE_PERMISSIONS[actor.role].includes(permission);
  }
}

export function authorize(actor: Actor, permission: Permission): void {
  if (can(actor, permission)) return;
  if (actor.kind === "anonymous") throw new AppError("UNAUTHORIZED", "Please sign in to do that.");
  throw new AppError("FORBIDDEN", "You do not have permission to do that.");
}
