import { sql } from "drizzle-orm";
import { check, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id } from "./columns";

// Geography for the employment analytics (issue #7). Areas use BLS QCEW's
// five-character area codes: "06019" a county, "06000" a state, "US000" the
// nation, "C1018" a metropolitan area. Their names arrive with the imported
// files (area_title), so an area row may exist before or after its data.

// BLS area codes: five digits or capital letters.
const AREA_CODE_CHECK = "glob '[0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z]'";

export const areas = sqliteTable(
  "areas",
  {
    code: text("code").primaryKey(),
    title: text("title").notNull(),
  },
  (t) => [check("areas_code_check", sql`${t.code} ${sql.raw(AREA_CODE_CHECK)}`)],
);

/** A region is a set of areas (the SJV region is its eight counties). */
export const regions = sqliteTable(
  "regions",
  {
    id: id(),
    key: text("key").notNull(),
    name: text("name").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("regions_key_unique").on(t.key)],
);

export const regionAreas = sqliteTable(
  "region_areas",
  {
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id, { onDelete: "cascade" }),
    // No foreign key to areas: a region can be named before its files are imported.
    area: text("area").notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.area] }), check("region_areas_area_check", sql`${t.area} ${sql.raw(AREA_CODE_CHECK)}`)],
);

export type Area = typeof areas.$inferSelect;
export type Region = typeof regions.$inferSelect;
