import type { UserRole } from "@/db/schema/enums";

// Who is asking. Services take an Actor first so the same function serves the
// web (a signed-in user or an anonymous visitor) and trusted local callers
// (the CLI and the seeding code, which already hold the database file).
export type UserActor = {
  kind: "user";
  userId: number;
  role: UserRole;
  label: string;
  // Work groups the user leads, and those they belong to (leads included).
  leadOf: number[];
  memberOf: number[];
};

export type Actor = UserActor | { kind: "anonymous" } | { kind: "system"; label: string };

export const ANONYMOUS: Actor = { kind: "anonymous" };

export function systemActor(label: string): Actor {
  return { kind: "system", label };
}

export function actorLabel(actor: Actor): string {
  if (actor.kind === "anonymous") return "anonymous";
  return actor.label;
}
