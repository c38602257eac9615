import type { UserRole } from "@/db/schema/enums";
import { AppError } from "@/lib/errors";
import type { Actor, UserActor } from "./actor";

// The one place that says who may do what. Every service, server action and
// route handler calls authorize(); the proxy and the UI only mirror it.
//
// | role        | may                                                                |
// | admin       | everything: OCED staff define periods, review updates, edit the    |
// |             | plan, run imports (plans, employment data), define clusters' codes,|
// |             | read the tracker, outbox and audit log                             |
// | lead        | read, comment; create, edit and retire actions and metrics of      |
// |             | groups they lead; post updates and measurements there, in groups   |
// |             | they belong to and on actions assigned to them; manage their       |
// |             | groups' membership                                                 |
// | contributor | read, comment; post updates and measurements on actions of groups  |
// |             | they belong to or that are assigned to them                        |
// | viewer      | read, comment (board members)                                      |
// | anonymous   | nothing but sign-in                                                |
//
// Open and current periods take updates from anyone allowed update.post;
// closed ones only from holders of update.post_closed (admins), audited.
export const PERMISSIONS = [
  "plan.read",
  "plan.export",
  "plan.import",
  // Sections, work groups, organizations, targets and plan settings.
  "plan.edit",
  // Create, edit, reorder and retire actions (checked against the action's work group).
  "action.update",
  "period.manage",
  "update.post",
  "update.post_closed",
  "update.review",
  // Define, edit and retire metrics (checked against the metric's owning work group).
  "metric.manage",
  // Enter and correct a metric's measurements (checked like update.post, against the owning group).
  "measurement.record",
  // Create, edit, publish and supersede quarterly reports; read drafts (staff only).
  "report.manage",
  // Import employment data (BLS QCEW files) and define regions and clusters' industry codes (staff only).
  "analytics.manage",
  "tracker.read",
  "comment.create",
  "comment.moderate",
  "workgroup.members.manage",
  "user.manage",
  "outbox.read",
  // Run the reminder job by hand (the schedule and the CLI run as the system).
  "reminder.send",
  "audit.read",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

// What a permission is checked against, when it depends on the record.
export interface Resource {
  workGroupId?: number | null;
  assigneeUserId?: number | null;
}

type Rule = (actor: UserActor, resource: Resource) => boolean;

const always: Rule = () => true;
const leadsGroup: Rule = (a, r) => r.workGroupId != null && a.leadOf.includes(r.workGroupId);
const inGroupOrAssigned: Rule = (a, r) => (r.workGroupId != null && a.memberOf.includes(r.workGroupId)) || (r.assigneeUserId != null && r.assigneeUserId === a.userId);

const READ: Partial<Record<Permission, Rule>> = { "plan.read": always, "plan.export": always, "comment.create": always };

export const ROLE_RULES: Record<UserRole, Partial<Record<Permission, Rule>>> = {
  admin: Object.fromEntries(PERMISSIONS.map((p) => [p, always])),
  lead: {
    ...READ,
    "action.update": leadsGroup,
    "update.post": inGroupOrAssigned,
    "workgroup.members.manage": leadsGroup,
    "metric.manage": leadsGroup,
    "measurement.record": inGroupOrAssigned,
  },
  contributor: { ...READ, "update.post": inGroupOrAssigned, "measurement.record": inGroupOrAssigned },
  viewer: READ,
};

export function can(actor: Actor, permission: Permission, resource: Resource = {}): boolean {
  switch (actor.kind) {
    case "system":
      return true;
    case "anonymous":
      return false;
    case "user": {
      const rule = ROLE_RULES[actor.role][permission];
      return rule ? rule(actor, resource) : false;
    }
  }
}

export function authorize(actor: Actor, permission: Permission, resource: Resource = {}): asserts actor is Exclude<Actor, { kind: "anonymous" }> {
  if (can(actor, permission, resource)) return;
  if (actor.kind === "anonymous") throw new AppError("UNAUTHORIZED", "Please sign in to do that.");
  throw new AppError("FORBIDDEN", "You do not have permission to do that.");
}
