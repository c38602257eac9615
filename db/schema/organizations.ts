import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { createdAt, id } from "./columns";
import { ORGANIZATION_TYPES } from "./enums";

// Organizations are shared by every plan: the same partner champions actions
// across plan editions and regions.
export const organizations = sqliteTable(
  "organizations",
  {
    id: id(),
    // Stable, human-readable identifier used as the key in plan documents.
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    acronym: text("acronym"),
    type: text("type", { enum: ORGANIZATION_TYPES }).notNull().default("other"),
    website: text("website"),
    retiredAt: text("retired_at"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("organizations_slug_unique").on(t.slug),
    uniqueIndex("organizations_name_unique").on(sql`lower(${t.name})`), index("organizations_acronym_idx").on(t.acronym)],
);

export type Organization = typeof organizations.$inferSelect;
