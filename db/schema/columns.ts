import { sql } from "drizzle-orm";
import { integer, text } from "drizzle-orm/sqlite-core";

// Timestamps are stored as ISO-8601 UTC text: sortable, readable in the
// sqlite3 shell and free of the integer-seconds/milliseconds ambiguity.
export const createdAt = () =>
  text("created_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

export const updatedAt = () =>
  text("updated_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

export const id = () => integer("id").primaryKey({ autoIncrement: true });
