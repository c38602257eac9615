import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id } from "./columns";
import { USER_ROLES } from "./enums";
import { users } from "./people";

// Every sign-in attempt, kept for throttling (per account and per IP) and review.
export const loginAttempts = sqliteTable(
  "login_attempts",
  {
    id: id(),
    // Lower-cased as typed, whether or not such an account exists.
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    succeeded: integer("succeeded", { mode: "boolean" }).notNull(),
    at: text("at").notNull(),
  },
  (t) => [index("login_attempts_email_idx").on(t.email, t.at), index("login_attempts_ip_idx").on(t.ip, t.at)],
);

// Invitation and password-reset links. Only a hash of the token is stored,
// so a copy of the database cannot be used to take over an account.
export const accountTokens = sqliteTable(
  "account_tokens",
  {
    id: id(),
    kind: text("kind", { enum: ["invitation", "password_reset"] }).notNull(),
    tokenHash: text("token_hash").notNull(),
    email: text("email").notNull(),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: USER_ROLES }),
    // JSON array of work group ids to join on acceptance.
    workGroupIds: text("work_group_ids"),
    createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("account_tokens_hash_unique").on(t.tokenHash)],
);

// An SSO login is keyed on issuer + subject, never on the e-mail address alone.
export const ssoIdentities = sqliteTable(
  "sso_identities",
  {
    id: id(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("sso_identities_unique").on(t.issuer, t.subject)],
);
