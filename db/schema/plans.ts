import { relations, sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { createdAt, id, updatedAt } from "./columns";
import { PLAN_STATUSES, SECTION_KINDS } from "./enums";
import { organizations } from "./organizations";
import { regions } from "./regions";

export const plans = sqliteTable(
  "plans",
  {
    id: id(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    region: text("region").notNull(),
    summary: text("summary"),
    periodStart: text("period_start"),
    periodEnd: text("period_end"),
    status: text("status", { enum: PLAN_STATUSES }).notNull().default("draft"),
    sourceCitation: text("source_citation"),
    sourceUrl: text("source_url"),
    // The edition this plan updates (the 2012 SJV plan updates the 2006 SAP).
    previousPlanId: integer("previous_plan_id").references((): AnySQLiteColumn => plans.id, { onDelete: "set null" }),
    // Whether a submitted update moves the action's status before staff review it.
    countSubmittedUpdates: integer("count_submitted_updates", { mode: "boolean" }).notNull().default(false),
    // Reminders go out this many days before a period's deadline.
    reminderDaysBefore: integer("reminder_days_before").notNull().default(7),
    // Employment analytics (issue #7): the plan's region, and the area its
    // location quotients and shift-share compare with (the state, 06000 for
    // California, or the nation, US000).
    analyticsRegionId: integer("analytics_region_id").references(() => regions.id, { onDelete: "set null" }),
    referenceArea: text("reference_area"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("plans_slug_unique").on(t.slug),
    check("plans_status_check", sql`${t.status} in ('draft','active','archived')`),
  ],
);

// A tree of any depth: cluster -> component for SJV, goal -> strategy -> ... elsewhere.
export const sections = sqliteTable(
  "sections",
  {
    id: id(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    parentId: integer("parent_id").references((): AnySQLiteColumn => sections.id, { onDelete: "cascade" }),
    // Stable identifier within the plan, used as the key in plan documents.
    key: text("key").notNull(),
    kind: text("kind", { enum: SECTION_KINDS }).notNull().default("section"),
    code: text("code"),
    title: text("title").notNull(),
    description: text("description"),
    position: integer("position").notNull().default(0),
    // Retired sections keep their actions' history but drop out of the plan's views.
    retiredAt: text("retired_at"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index("sections_plan_idx").on(t.planId, t.parentId, t.position), uniqueIndex("sections_key_unique").on(t.planId, t.key)],
);

// The plan's "Issues/Opportunities": named so they are never confused with tracker issues.
export const opportunities = sqliteTable(
  "opportunities",
  {
    id: id(),
    sectionId: integer("section_id")
      .notNull()
      .references(() => sections.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("opportunities_section_idx").on(t.sectionId, t.position)],
);

// Organizations a plan acknowledges as partners, in the document's order.
export const planPartners = sqliteTable(
  "plan_partners",
  {
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "restrict" }),
    position: integer("position").notNull().default(0),
  },
  (t) => [uniqueIndex("plan_partners_pk").on(t.planId, t.organizationId), index("plan_partners_org_idx").on(t.organizationId)],
);

export const plansRelations = relations(plans, ({ many, one }) => ({
  sections: many(sections),
  previousPlan: one(plans, { fields: [plans.previousPlanId], references: [plans.id] }),
}));

export const sectionsRelations = relations(sections, ({ one, many }) => ({
  plan: one(plans, { fields: [sections.planId], references: [plans.id] }),
  opportunities: many(opportunities),
}));

export type Plan = typeof plans.$inferSelect;
export type Section = typeof sections.$inferSelect;
export type Opportunity = typeof opportunities.$inferSelect;
