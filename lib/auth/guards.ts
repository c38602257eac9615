import { forbidden } from "next/navigation";
import { can, type Permission, type Resource } from "./permissions";
import type { UserActor } from "./actor";
import { requireUser } from "./session";

// For pages: a denial renders the 403 page (app/forbidden.tsx) instead of the content.
export function requirePermission(user: UserActor, permission: Permission, resource?: Resource) {
  if (!can(user, permission, resource)) forbidden();
}

// For read-only pages: a signed-in user allowed to read plans.
export async function requireReader() {
  const user = await requireUser();
  requirePermission(user, "plan.read");
  return user;
}
