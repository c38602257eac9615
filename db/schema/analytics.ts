import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { id, updatedAt } from "./columns";
import { users } from "./people";
import { sections } from "./plans";
import { metrics } from "./progress";

// Employment data and cluster definitions (issue #7). Cells are stored as
// BLS publishes them, one row per area, industry, ownership and period; the
// computations in lib/analytics choose levels and sum.

export const IMPORT_LAYOUTS = ["bls-quarterly", "bls-annual", "generic"] as const;
export const IMPORT_STATUSES = ["running", "done", "failed"] as const;

/** Industry codes as BLS writes them, with their titles from the files. */
export const industries = sqliteTable("industries", {
  code: text("code").primaryKey(),
  title: text("title").notNull(),
});

/** One imported file: what it held, what changed, what was skipped and why. */
export const employmentImports = sqliteTable(
  "employment_imports",
  {
    id: id(),
    fileName: text("file_name").notNull(),
    layout: text("layout", { enum: IMPORT_LAYOUTS }),
    sha256: text("sha256").notNull(),
    bytes: integer("bytes").notNull(),
    status: text("status", { enum: IMPORT_STATUSES }).notNull().default("running"),
    rowsRead: integer("rows_read").notNull().default(0),
    inserted: integer("inserted").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    suppressed: integer("suppressed").notNull().default(0),
    // {reason: count}, e.g. {"establishment size class (size_code 1-9)": 1200}.
    skipped: text("skipped", { mode: "json" }).$type<Record<string, number>>().notNull().default(sql`'{}'`),
    error: text("error"),
    startedBy: integer("started_by").references(() => users.id, { onDelete: "set null" }),
    startedAt: text("started_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    finishedAt: text("finished_at"),
  },
  (t) => [
    index("employment_imports_started_idx").on(t.startedAt),
    check("employment_imports_status_check", sql`${t.status} in ('running','done','failed')`),
  ],
);

export const employmentCells = sqliteTable(
  "employment_cells",
  {
    area: text("area").notNull(),
    industry: text("industry").notNull(),
    ownership: integer("ownership").notNull(),
    year: integer("year").notNull(),
    // 1-4, or 0 for an annual figure (a key column cannot usefully be null).
    quarter: integer("quarter").notNull(),
    // agglvl_code; null for the generic layout.
    level: integer("level"),
    // false for BLS's suppressed cells (disclosure_code N): their employment is unknown, not zero.
    disclosed: integer("disclosed", { mode: "boolean" }).notNull(),
    establishments: integer("establishments").notNull(),
    month1: integer("month1"),
    month2: integer("month2"),
    month3: integer("month3"),
    annualEmployment: real("annual_employment"),
    wages: real("wages").notNull(),
    importId: integer("import_id").references(() => employmentImports.id, { onDelete: "set null" }),
  },
  (t) => [
    // Reads go by area and industry, then a span of years. The migration
    // makes the table WITHOUT ROWID (drizzle has no option for it): the key
    // is the only index, so an import writes one B-tree rather than two.
    primaryKey({ columns: [t.area, t.industry, t.ownership, t.year, t.quarter] }),
    check("employment_cells_quarter_check", sql`${t.quarter} between 0 and 4`),
    check("employment_cells_months_check", sql`(${t.quarter} = 0) = (${t.month1} is null) and (${t.quarter} = 0) = (${t.annualEmployment} is not null)`),
  ],
);

/**
 * A cluster's definition: the section of the plan it defines, a note, and
 * the annual metric that its employment feeds after each import.
 */
export const clusterDefinitions = sqliteTable("cluster_definitions", {
  sectionId: integer("section_id")
    .primaryKey()
    .references(() => sections.id, { onDelete: "cascade" }),
  note: text("note"),
  // Shipped definitions are starting points until an admin edits them.
  isStartingPoint: integer("is_starting_point", { mode: "boolean" }).notNull().default(false),
  metricId: integer("metric_id").references(() => metrics.id, { onDelete: "set null" }),
  version: integer("version").notNull().default(1),
  updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: updatedAt(),
});

export const clusterCodes = sqliteTable(
  "cluster_codes",
  {
    id: id(),
    sectionId: integer("section_id")
      .notNull()
      .references(() => clusterDefinitions.sectionId, { onDelete: "cascade" }),
    // The value-chain component ("Processing and packaging"); '' for codes of the cluster as a whole.
    component: text("component").notNull().default(""),
    code: text("code").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    // A code counts once in a cluster, whichever component lists it.
    uniqueIndex("cluster_codes_code_unique").on(t.sectionId, t.code),
    // 2 to 6 digits, or a BLS sector range ("31-33").
    check("cluster_codes_code_check", sql`${t.code} glob '[1-9][0-9]' or ${t.code} glob '[1-9][0-9]-[1-9][0-9]' or ${t.code} glob '[1-9][0-9][0-9]' or ${t.code} glob '[1-9][0-9][0-9][0-9]' or ${t.code} glob '[1-9][0-9][0-9][0-9][0-9]' or ${t.code} glob '[1-9][0-9][0-9][0-9][0-9][0-9]'`),
  ],
);

export type EmploymentImport = typeof employmentImports.$inferSelect;
export type EmploymentCell = typeof employmentCells.$inferSelect;
export type ClusterDefinition = typeof clusterDefinitions.$inferSelect;
export type ClusterCode = typeof clusterCodes.$inferSelect;
