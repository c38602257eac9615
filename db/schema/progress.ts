import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, updatedAt } from "./columns";
import { ACTION_STATUSES, METRIC_DIRECTIONS, METRIC_FREQUENCIES, PERIOD_STATUSES, REPORT_STATUSES, REVIEW_STATES } from "./enums";
import { actions, workGroups } from "./actions";
import { plans, sections } from "./plans";
import { users } from "./people";

export const reportingPeriods = sqliteTable(
  "reporting_periods",
  {
    id: id(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    startDate: text("start_date").notNull(),
    endDate: text("end_date").notNull(),
    deadline: text("deadline").notNull(),
    status: text("status", { enum: PERIOD_STATUSES }).notNull().default("planned"),
    isCurrent: integer("is_current", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("reporting_periods_label_unique").on(t.planId, t.label)],
);

export const progressUpdates = sqliteTable(
  "progress_updates",
  {
    id: id(),
    actionId: integer("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    periodId: integer("period_id").references(() => reportingPeriods.id, { onDelete: "set null" }),
    authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
    status: text("status", { enum: ACTION_STATUSES }).notNull(),
    percentComplete: integer("percent_complete").notNull(),
    narrative: text("narrative").notNull().default(""),
    reviewState: text("review_state", { enum: REVIEW_STATES }).notNull().default("submitted"),
    reviewNote: text("review_note"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("progress_updates_action_idx").on(t.actionId, t.createdAt), index("progress_updates_period_idx").on(t.periodId)],
);

export const metrics = sqliteTable(
  "metrics",
  {
    id: id(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    sectionId: integer("section_id").references(() => sections.id, { onDelete: "cascade" }),
    workGroupId: integer("work_group_id").references(() => workGroups.id, { onDelete: "cascade" }),
    actionId: integer("action_id").references(() => actions.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    unit: text("unit").notNull(),
    direction: text("direction", { enum: METRIC_DIRECTIONS }).notNull().default("up"),
    baselineValue: real("baseline_value"),
    baselineDate: text("baseline_date"),
    targetValue: real("target_value"),
    targetDate: text("target_date"),
    frequency: text("frequency", { enum: METRIC_FREQUENCIES }).notNull().default("annual"),
    source: text("source"),
    createdAt: createdAt(),
  },
  (t) => [index("metrics_plan_idx").on(t.planId)],
);

export const measurements = sqliteTable(
  "measurements",
  {
    id: id(),
    metricId: integer("metric_id")
      .notNull()
      .references(() => metrics.id, { onDelete: "cascade" }),
    periodLabel: text("period_label").notNull(),
    value: real("value").notNull(),
    note: text("note"),
    source: text("source"),
    enteredById: integer("entered_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("measurements_metric_idx").on(t.metricId, t.periodLabel)],
);

export const reports = sqliteTable(
  "reports",
  {
    id: id(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    periodId: integer("period_id").references(() => reportingPeriods.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    status: text("status", { enum: REPORT_STATUSES }).notNull().default("draft"),
    version: integer("version").notNull().default(1),
    snapshot: text("snapshot"),
    publishedAt: text("published_at"),
    createdAt: createdAt(),
  },
  (t) => [index("reports_plan_idx").on(t.planId)],
);
