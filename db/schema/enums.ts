// Value lists shared by the database schema, the zod schemas and the UI.
// Keeping them in one file means a new status is added in exactly one place.

export const PLAN_STATUSES = ["draft", "active", "archived"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const SECTION_KINDS = ["cluster", "component", "goal", "strategy", "objective", "section"] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export const ACTION_STATUSES = ["not_started", "on_track", "at_risk", "off_track", "completed", "deferred"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const CHAMPION_ROLES = ["lead", "partner", "funder"] as const;
export type ChampionRole = (typeof CHAMPION_ROLES)[number];

export const WORK_GROUP_STATUSES = ["active", "reorganizing", "inactive"] as const;
export type WorkGroupStatus = (typeof WORK_GROUP_STATUSES)[number];

export const ORGANIZATION_TYPES = [
  "economic_development",
  "education",
  "workforce",
  "government",
  "health",
  "business",
  "nonprofit",
  "philanthropy",
  "utility",
  "research",
  "consultant",
  "other",
] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

export const USER_ROLES = ["admin", "lead", "contributor", "viewer"] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const MEMBERSHIP_ROLES = ["lead", "member"] as const;

export const REVIEW_STATES = ["draft", "submitted", "accepted", "returned"] as const;

export const PERIOD_STATUSES = ["planned", "open", "closed"] as const;

export const METRIC_DIRECTIONS = ["up", "down"] as const;
export const METRIC_FREQUENCIES = ["quarterly", "annual"] as const;

export const REPORT_STATUSES = ["draft", "published", "superseded"] as const;
