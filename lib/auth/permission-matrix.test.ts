import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { users, workGroupMembers } from "@/db/schema";
import { seedDefaultData } from "@/db/seed/seed";
import { updateAction } from "@/lib/actions/service";
import { AppError } from "@/lib/errors";
import { importPlan } from "@/lib/plans/import";
import { sjvSap2006 } from "@/db/seed/sjv-plans";
import { changeUserRole, createUser, inviteUser, issuePasswordReset, setMembership, setUserActive } from "@/lib/users/service";
import { runReminders } from "@/lib/reminders/service";
import { addComment } from "@/lib/comments/service";
import { loadUserActor } from "./session";
import { ANONYMOUS, type Actor } from "./actor";

// Every role × every mutation × own/other work group. Each case runs the
// service directly and checks allowed or denied; a denial must leave every
// table exactly as it was. (The e2e suite posts the same server actions
// without the UI.)

type Role = "admin" | "lead" | "contributor" | "viewer" | "anonymous";
type Target = "own" | "other";

interface World {
  actors: Record<Role, Actor>;
  groups: Record<Target, number>;
  actions: Record<Target, { id: number; version: number }>;
  someoneId: number;
}

function setUp(): World {
  seedDefaultData();
  const sqlite = getDb().$client;
  const group = (key: string) => (sqlite.prepare("select id from work_groups where key = ?").get(key) as { id: number }).id;
  const groups = { own: group("energy-wg"), other: group("health-wellness-wg") };
  const actionIn = (groupId: number) => sqlite.prepare("select id, version from actions where work_group_id = ? order by id limit 1").get(groupId) as { id: number; version: number };
  const db = getDb();
  const make = (role: "admin" | "lead" | "contributor" | "viewer", membership?: "lead" | "member") => {
    const u = db.insert(users).values({ email: `${role}@example.org`, name: `The ${role}`, role }).returning().get();
    if (membership) db.insert(workGroupMembers).values({ workGroupId: groups.own, userId: u.id, role: membership }).run();
    return loadUserActor(u.id)!;
  };
  const actors: Record<Role, Actor> = { admin: make("admin"), lead: make("lead", "lead"), contributor: make("contributor", "member"), viewer: make("viewer"), anonymous: ANONYMOUS };
  const someone = db.insert(users).values({ email: "someone@example.org", name: "Someone", role: "viewer" }).returning().get();
  return { actors, groups, actions: { own: actionIn(groups.own), other: actionIn(groups.other) }, someoneId: someone.id };
}

type Mutation = { name: string; allowed: Partial<Record<Role, Target[]>>; run: (w: World, actor: Actor, target: Target) => unknown };

const BOTH: Target[] = ["own", "other"];
const adminOnly = { admin: BOTH };

const MUTATIONS: Mutation[] = [
  {
    name: "updateAction",
    allowed: { admin: BOTH, lead: ["own"] },
    run: (w, a, t) => updateAction(a, { actionId: w.actions[t].id, version: w.actions[t].version, status: "on_track", percentComplete: 10, leadPerson: "", isPriority: "", startDate: "", dueDate: "" }),
  },
  {
    name: "setMembership",
    allowed: { admin: BOTH, lead: ["own"] },
    run: (w, a, t) => setMembership(a, { workGroupId: w.groups[t], userId: w.someoneId, role: "member" }),
  },
  { name: "inviteUser", allowed: adminOnly, run: (w, a, t) => inviteUser(a, { email: `new-${t}@example.org`, role: "contributor", workGroupIds: [String(w.groups[t])] }) },
  { name: "createUser", allowed: adminOnly, run: (w, a, t) => createUser(a, { email: `made-${t}@example.org`, name: "Made", role: "viewer", workGroupIds: [String(w.groups[t])] }) },
  { name: "setUserActive", allowed: adminOnly, run: (w, a) => setUserActive(a, { userId: w.someoneId, isActive: "false" }) },
  { name: "changeUserRole", allowed: adminOnly, run: (w, a) => changeUserRole(a, { userId: w.someoneId, role: "lead" }) },
  { name: "issuePasswordReset", allowed: adminOnly, run: (w, a) => issuePasswordReset(a, { userId: w.someoneId }) },
  { name: "importPlan", allowed: adminOnly, run: (_w, a, t) => importPlan(a, { document: sjvSap2006, slug: `copy-${t}` }) },
  { name: "runReminders", allowed: adminOnly, run: (_w, a) => runReminders(a) },
  { name: "addComment", allowed: { admin: BOTH, lead: BOTH, contributor: BOTH, viewer: BOTH }, run: (w, a, t) => addComment(a, { actionId: w.actions[t].id, body: "A question" }) },
];

const ROLES: Role[] = ["admin", "lead", "contributor", "viewer", "anonymous"];
const TABLES = ["plans", "sections", "actions", "action_champions", "users", "work_group_members", "account_tokens", "audit_log"];

function snapshot(): string {
  const sqlite = getDb().$client;
  return JSON.stringify(TABLES.map((t) => sqlite.prepare(`select * from ${t} order by rowid`).all()));
}

describe.each(MUTATIONS)("$name", (mutation) => {
  for (const role of ROLES) {
    for (const target of BOTH) {
      const expected = mutation.allowed[role]?.includes(target) ?? false;
      it(`${role} on ${target} work group: ${expected ? "allowed" : "denied"}`, async () => {
        const world = setUp();
        const before = snapshot();
        let error: unknown;
        try {
          await mutation.run(world, world.actors[role], target);
        } catch (e) {
          error = e;
        }
        if (expected) {
          expect(error).toBeUndefined();
          expect(snapshot()).not.toBe(before);
        } else {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toBe(role === "anonymous" ? "UNAUTHORIZED" : "FORBIDDEN");
          expect(snapshot()).toBe(before);
        }
      });
    }
  }
});
