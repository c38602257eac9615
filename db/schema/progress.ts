import { sql } from "drizzle-orm";
import { check, index, integer, real, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { createdAt, id, updatedAt } from "./columns";
import { ACTION_STATUSES, METRIC_DIRECTIONS, METRIC_FREQUENCIES, METRIC_SCOPES, METRIC_UNITS, PERIOD_STATUSES, REPORT_STATUSES, REVIEW_STATES } from "./enums";
import { actions, workGroups } from "./actions";
import { plans, sections } from "./plans";
import { organizations } from "./organizations";
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
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("reporting_periods_label_unique").on(t.planId, t.label),
    // At most one current period per plan, enforced by the database itself.
    uniqueIndex("reporting_periods_current_unique").on(t.planId).where(sql`${t.isCurrent} = 1`),
    index("reporting_periods_plan_end_idx").on(t.planId, t.endDate),
  ],
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
    // JSON array of {url, label}: links to evidence kept elsewhere.
    links: text("links").notNull().default("[]"),
    lastEditedById: integer("last_edited_by_id").references(() => users.id, { onDelete: "set null" }),
    submittedAt: text("submitted_at"),
    reviewedById: integer("reviewed_by_id").references(() => users.id, { onDelete: "set null" }),
    reviewedAt: text("reviewed_at"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("progress_updates_action_idx").on(t.actionId, t.createdAt),
    index("progress_updates_period_idx").on(t.periodId),
    // One update per action and period: the group shares it and edits it in turn.
    uniqueIndex("progress_updates_action_period_unique").on(t.actionId, t.periodId),
    index("progress_updates_author_idx").on(t.authorId, t.reviewState),
    // "Returned to you": found by author or by last editor, each through an index.
    index("progress_updates_editor_idx").on(t.lastEditedById, t.reviewState),
  ],
);

// A measure of whether the plan is working. It is attached to one scope (see
// METRIC_SCOPES) and may name an owning work group whose leads manage it and
// whose members record its measurements; an action's metric is owned by the
// action's work group.
export const metrics = sqliteTable(
  "metrics",
  {
    id: id(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    // Stable identifier within the plan: the key in plan documents and imports.
    key: text("key").notNull().default(sql`(lower(hex(randomblob(8))))`),
    scope: text("scope", { enum: METRIC_SCOPES }).notNull().default("plan"),
    sectionId: integer("section_id").references(() => sections.id, { onDelete: "cascade" }),
    workGroupId: integer("work_group_id").references(() => workGroups.id, { onDelete: "set null" }),
    actionId: integer("action_id").references(() => actions.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    unit: text("unit", { enum: METRIC_UNITS }).notNull().default("count"),
    unitLabel: text("unit_label"),
    direction: text("direction", { enum: METRIC_DIRECTIONS }).notNull().default("up"),
    baselineValue: real("baseline_value"),
    baselineDate: text("baseline_date"),
    targetValue: real("target_value"),
    targetDate: text("target_date"),
    // JSON array of {date, value}, by date, between the baseline and the target.
    interimTargets: text("interim_targets").notNull().default("[]"),
    // How far behind the target path (in percent of the expected value) still counts as "behind" rather than "off track".
    tolerancePercent: real("tolerance_percent").notNull().default(10),
    frequency: text("frequency", { enum: METRIC_FREQUENCIES }).notNull().default("annual"),
    source: text("source"),
    method: text("method"),
    ownerOrganizationId: integer("owner_organization_id").references(() => organizations.id, { onDelete: "set null" }),
    ownerPerson: text("owner_person"),
    position: integer("position").notNull().default(0),
    retiredAt: text("retired_at"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("metrics_plan_idx").on(t.planId, t.position),
    uniqueIndex("metrics_key_unique").on(t.planId, t.key),
    index("metrics_section_idx").on(t.sectionId),
    index("metrics_action_idx").on(t.actionId),
    index("metrics_work_group_idx").on(t.workGroupId),
    // The scope names exactly the columns it uses, so a metric is never attached twice.
    check(
      "metrics_scope_check",
      sql`(${t.scope} = 'plan' and ${t.sectionId} is null and ${t.actionId} is null)
        or (${t.scope} = 'section' and ${t.sectionId} is not null and ${t.actionId} is null)
        or (${t.scope} = 'work_group' and ${t.workGroupId} is not null and ${t.sectionId} is null and ${t.actionId} is null)
        or (${t.scope} = 'action' and ${t.actionId} is not null and ${t.sectionId} is null and ${t.workGroupId} is null)`,
    ),
  ],
);

// One value of a metric for one period (a year "2014" or a quarter "2014 Q2").
// A correction never overwrites: it inserts the new value and marks the old
// row superseded, so the earlier value stays in the history.
export const measurements = sqliteTable(
  "measurements",
  {
    id: id(),
    metricId: integer("metric_id")
      .notNull()
      .references(() => metrics.id, { onDelete: "cascade" }),
    periodLabel: text("period_label").notNull(),
    periodStart: text("period_start").notNull().default(""),
    periodEnd: text("period_end").notNull().default(""),
    value: real("value").notNull(),
    note: text("note"),
    source: text("source"),
    enteredById: integer("entered_by_id").references(() => users.id, { onDelete: "set null" }),
    // Why this value replaced an earlier one (required for a correction).
    correctionNote: text("correction_note"),
    supersededAt: text("superseded_at"),
    supersededById: integer("superseded_by_id").references((): AnySQLiteColumn => measurements.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("measurements_metric_idx").on(t.metricId, t.periodEnd),
    // One current value per metric and period; corrections supersede it.
    uniqueIndex("measurements_current_unique").on(t.metricId, t.periodLabel).where(sql`${t.supersededAt} is null`),
  ],
);

// A quarterly report for the Executive Committee (issue #6). A draft holds
// the staff's texts and the latest compilation of the plan's data; publishing
// freezes both into `snapshot`, which nothing changes afterwards. A correction
// is a new edition of the same period that supersedes the published one.
export const reports = sqliteTable(
  "reports",
  {
    id: id(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    periodId: integer("period_id")
      .notNull()
      .references(() => reportingPeriods.id, { onDelete: "restrict" }),
    title: text("title").notNull(),
    status: text("status", { enum: REPORT_STATUSES }).notNull().default("draft"),
    // v1, v2… of the report for this period.
    edition: integer("edition").notNull().default(1),
    supersedesId: integer("supersedes_id").references((): AnySQLiteColumn => reports.id, { onDelete: "set null" }),
    // JSON {introduction, highlights, asks, clusterNotes: {sectionKey: markdown}}.
    texts: text("texts").notNull().default("{}"),
    // JSON array of progress update ids whose narratives the report features.
    featuredUpdateIds: text("featured_update_ids").notNull().default("[]"),
    // JSON array of section names in the order the report shows them.
    sectionOrder: text("section_order").notNull().default("[]"),
    // The draft's latest compilation (lib/reports/compile.ts), refreshed on demand.
    compiled: text("compiled"),
    compiledAt: text("compiled_at"),
    snapshot: text("snapshot"),
    changeNote: text("change_note"),
    createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
    publishedById: integer("published_by_id").references(() => users.id, { onDelete: "set null" }),
    publishedAt: text("published_at"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("reports_plan_idx").on(t.planId, t.periodId),
    uniqueIndex("reports_period_edition_unique").on(t.periodId, t.edition),
    // One draft per period at a time.
    uniqueIndex("reports_period_draft_unique").on(t.periodId).where(sql`${t.status} = 'draft'`),
  ],
);

// Who has acknowledged a published report: board members, once each.
export const reportAcknowledgements = sqliteTable(
  "report_acknowledgements",
  {
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    acknowledgedAt: text("acknowledged_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  },
  (t) => [uniqueIndex("report_acknowledgements_unique").on(t.reportId, t.userId)],
);

// Files attached to a progress update, stored under DATA_DIR/attachments by a
// server-chosen random name; the original name is kept only for display.
export const attachments = sqliteTable(
  "attachments",
  {
    id: id(),
    updateId: integer("update_id")
      .notNull()
      .references(() => progressUpdates.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    storedName: text("stored_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    uploadedById: integer("uploaded_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("attachments_update_idx").on(t.updateId), uniqueIndex("attachments_stored_unique").on(t.storedName)],
);

// Discussion on an action (board members' questions). Removal is a soft
// delete so the audit trail and the thread's shape survive.
export const comments = sqliteTable(
  "comments",
  {
    id: id(),
    // A comment is about an action or about a published report, never both.
    actionId: integer("action_id").references(() => actions.id, { onDelete: "cascade" }),
    reportId: integer("report_id").references(() => reports.id, { onDelete: "cascade" }),
    authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    version: integer("version").notNull().default(1),
    deletedAt: text("deleted_at"),
    deletedById: integer("deleted_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("comments_action_idx").on(t.actionId, t.createdAt),
    index("comments_report_idx").on(t.reportId, t.createdAt),
    check("comments_subject_check", sql`(${t.actionId} is null) <> (${t.reportId} is null)`),
  ],
);

// Every e-mail the app composes. Sent through SMTP when it is configured;
// otherwise kept here for admins to read. dedupe_key makes "send once" a
// database guarantee rather than a hope.
export const outbox = sqliteTable(
  "outbox",
  {
    id: id(),
    kind: text("kind").notNull(),
    dedupeKey: text("dedupe_key"),
    toUserId: integer("to_user_id").references(() => users.id, { onDelete: "set null" }),
    toEmail: text("to_email").notNull(),
    subject: text("subject").notNull(),
    bodyText: text("body_text").notNull(),
    // "queued", "sent", "failed", or "kept" (no SMTP configured).
    state: text("state", { enum: ["queued", "sent", "failed", "kept"] }).notNull().default("queued"),
    error: text("error"),
    sentAt: text("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("outbox_dedupe_unique").on(t.dedupeKey), index("outbox_created_idx").on(t.createdAt)],
);

// A spreadsheet import between its dry run and its commit: the validated rows
// wait here so the commit applies exactly what the preview showed.
export const importBatches = sqliteTable(
  "import_batches",
  {
    id: id(),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["actions", "updates", "measurements"] }).notNull(),
    periodId: integer("period_id").references(() => reportingPeriods.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
    // JSON: the parsed rows, and the row-level errors found by the dry run.
    rows: text("rows").notNull(),
    errors: text("errors").notNull(),
    committedAt: text("committed_at"),
    createdAt: createdAt(),
  },
  (t) => [index("import_batches_plan_idx").on(t.planId, t.createdAt)],
);

export type ReportingPeriod = typeof reportingPeriods.$inferSelect;
export type ProgressUpdate = typeof progressUpdates.$inferSelect;
export type Attachment = typeof attachments.$inferSelect;
export type Comment = typeof comments.$inferSelect;
export type OutboxMessage = typeof outbox.$inferSelect;
export type Metric = typeof metrics.$inferSelect;
export type Measurement = typeof measurements.$inferSelect;
export type Report = typeof reports.$inferSelect;
