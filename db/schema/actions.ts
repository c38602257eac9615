import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { createdAt, id, updatedAt } from "./columns";
import { ACTION_STATUSES, CHAMPION_ROLES, WORK_GROUP_STATUSES } from "./enums";
import { organizations } from "./organizations";
import { plans, sections } from "./plans";
import { users } from "./people";

export const workGroups = sqliteTable(
  "work_groups",
  {
    id: id(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    leadOrganizationId: integer("lead_organization_id").references(() => organizations.id, { onDelete: "set null" }),
    status: text("status", { enum: WORK_GROUP_STATUSES }).notNull().default("active"),
    position: integer("position").notNull().default(0),
    retiredAt: text("retired_at"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("work_groups_key_unique").on(t.planId, t.key), index("work_groups_lead_idx").on(t.leadOrganizationId)],
);

export const workGroupSections = sqliteTable(
  "work_group_sections",
  {
    workGroupId: integer("work_group_id")
      .notNull()
      .references(() => workGroups.id, { onDelete: "cascade" }),
    sectionId: integer("section_id")
      .notNull()
      .references(() => sections.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.workGroupId, t.sectionId] }), index("work_group_sections_section_idx").on(t.sectionId)],
);

export const actions = sqliteTable(
  "actions",
  {
    id: id(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    // Null for plan-level actions such as the SJV plan's nine next steps.
    sectionId: integer("section_id").references(() => sections.id, { onDelete: "restrict" }),
    code: text("code").notNull(),
    title: text("title"),
    text: text("text").notNull(),
    workGroupId: integer("work_group_id").references(() => workGroups.id, { onDelete: "set null" }),
    leadPerson: text("lead_person"),
    // The account answerable for the action, when the lead person has one.
    leadUserId: integer("lead_user_id").references((): AnySQLiteColumn => users.id, { onDelete: "set null" }),
    // Rolled up from the latest counted progress update (see lib/updates/rollup.ts).
    status: text("status", { enum: ACTION_STATUSES }).notNull().default("not_started"),
    percentComplete: integer("percent_complete").notNull().default(0),
    isPriority: integer("is_priority", { mode: "boolean" }).notNull().default(false),
    startDate: text("start_date"),
    dueDate: text("due_date"),
    // Actions with history are retired, never deleted.
    retiredAt: text("retired_at"),
    position: integer("position").notNull().default(0),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("actions_plan_idx").on(t.planId, t.sectionId, t.position),
    uniqueIndex("actions_code_unique").on(t.planId, t.code),
    index("actions_section_idx").on(t.sectionId),
    index("actions_work_group_idx").on(t.workGroupId),
    index("actions_plan_status_idx").on(t.planId, t.status),
    index("actions_lead_user_idx").on(t.leadUserId),
    check("actions_percent_check", sql`${t.percentComplete} between 0 and 100`),
  ],
);

export const actionChampions = sqliteTable(
  "action_champions",
  {
    actionId: integer("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "restrict" }),
    role: text("role", { enum: CHAMPION_ROLES }).notNull().default("partner"),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.organizationId] }), index("action_champions_org_role_idx").on(t.organizationId, t.role)],
);

// Economic-development (leakage) targets: commodities bought outside the region.
export const targets = sqliteTable(
  "targets",
  {
    id: id(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    description: text("description").notNull(),
    marketSupportUsd: integer("market_support_usd").notNull(),
    source: text("source"),
    position: integer("position").notNull().default(0),
    retiredAt: text("retired_at"),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("targets_plan_idx").on(t.planId)],
);

export const targetSections = sqliteTable(
  "target_sections",
  {
    targetId: integer("target_id")
      .notNull()
      .references(() => targets.id, { onDelete: "cascade" }),
    sectionId: integer("section_id")
      .notNull()
      .references(() => sections.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.targetId, t.sectionId] })],
);

export type WorkGroup = typeof workGroups.$inferSelect;
export type Action = typeof actions.$inferSelect;
export type Target = typeof targets.$inferSelect;
