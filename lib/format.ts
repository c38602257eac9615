import type { ActionStatus, ChampionRole, OrganizationType, SectionKind, WorkGroupStatus } from "@/db/schema/enums";

export const STATUS_LABELS: Record<ActionStatus, string> = {
  not_started: "Not started",
  on_track: "On track",
  at_risk: "At risk",
  off_track: "Off track",
  completed: "Completed",
  deferred: "Deferred",
};

export const WORK_GROUP_STATUS_LABELS: Record<WorkGroupStatus, string> = {
  active: "Active",
  reorganizing: "Reorganizing",
  inactive: "Inactive",
};

export const SECTION_KIND_LABELS: Record<SectionKind, string> = {
  cluster: "Industry cluster",
  component: "Value-chain component",
  goal: "Goal",
  strategy: "Strategy",
  objective: "Objective",
  section: "Section",
};

export const CHAMPION_ROLE_LABELS: Record<ChampionRole, string> = { lead: "Lead", partner: "Partner", funder: "Funder" };

export const ORGANIZATION_TYPE_LABELS: Record<OrganizationType, string> = {
  economic_development: "Economic development",
  education: "Education",
  workforce: "Workforce",
  government: "Government",
  health: "Health",
  business: "Business",
  nonprofit: "Nonprofit",
  philanthropy: "Philanthropy",
  utility: "Utility",
  research: "Research",
  consultant: "Consultant",
  other: "Other",
};

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const count = new Intl.NumberFormat("en-US");

export const formatUsd = (n: number) => usd.format(n);
export const formatCount = (n: number) => count.format(n);

export function formatPeriod(start: string | null, end: string | null): string {
  const year = (d: string | null) => d?.slice(0, 4) ?? "…";
  if (!start && !end) return "No period set";
  return `${year(start)}–${year(end)}`;
}

export function plural(n: number, one: string, many = `${one}s`) {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

export const ROLE_LABELS: Record<import("@/db/schema/enums").UserRole, string> = {
  admin: "Admin (OCED staff)",
  lead: "Work group lead",
  contributor: "Contributor",
  viewer: "Viewer (board member)",
};
