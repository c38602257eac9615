import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { createdAt, id, updatedAt } from "./columns";
import { MEMBERSHIP_ROLES, USER_ROLES } from "./enums";
import { workGroups } from "./actions";

export const users = sqliteTable(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: USER_ROLES }).notNull().default("viewer"),
    passwordHash: text("password_hash"),
    isActive: integer("is_active", { mode: "boolean" }).notNull().default(true),
    // Set for one-time passwords (first admin, CLI): the user must choose their own.
    mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(false),
    // Bumped to end every session of the user at once.
    sessionVersion: integer("session_version").notNull().default(1),
    // SHA-256 of the secret in the user's calendar (ICS) feed URL; null until they ask for one.
    calendarTokenHash: text("calendar_token_hash"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_unique").on(sql`lower(${t.email})`), uniqueIndex("users_calendar_token_unique").on(t.calendarTokenHash)],
);

export const workGroupMembers = sqliteTable(
  "work_group_members",
  {
    workGroupId: integer("work_group_id")
      .notNull()
      .references(() => workGroups.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: MEMBERSHIP_ROLES }).notNull().default("member"),
  },
  (t) => [primaryKey({ columns: [t.workGroupId, t.userId] }), index("work_group_members_user_idx").on(t.userId)],
);

export type User = typeof users.$inferSelect;
