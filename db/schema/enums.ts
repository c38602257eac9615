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
export type MetricDirection = (typeof METRIC_DIRECTIONS)[number];
export const METRIC_FREQUENCIES = ["quarterly", "annual"] as const;
export type MetricFrequency = (typeof METRIC_FREQUENCIES)[number];
// "other" carries a free-text unit label (acres, students, ...).
export const METRIC_UNITS = ["count", "jobs", "usd", "percent", "other"] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];
// What a metric is attached to: the whole plan, a section (cluster), a work group or one action.
export const METRIC_SCOPES = ["plan", "section", "work_group", "action"] as const;
export type MetricScope = (typeof METRIC_SCOPES)[number];

export const REPORT_STATUSES = ["draft", "published", "superseded"] as const;
