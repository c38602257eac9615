import { and, eq, ne, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { organizations, type Organization } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { diffFields } from "@/lib/editing/changes";
import { assertWritten, refuseIfStale } from "@/lib/editing/conflict";
import { slugify, uniqueSlug } from "@/lib/editing/slug";
import { AppError } from "@/lib/errors";
import { createOrganizationSchema, ORGANIZATION_LABELS, organizationFormValues, retireOrganizationSchema, updateOrganizationSchema } from "./schema";

const now = () => new Date().toISOString();

function loadOrganization(tx: Tx, id: number): Organization {
  const org = tx.select().from(organizations).where(eq(organizations.id, id)).get();
  if (!org) throw new AppError("NOT_FOUND", "No such organization.");
  return org;
}

// Names are unique regardless of case (a unique index backs this), so the
// same partner is never entered twice under two spellings of its name.
function assertNameFree(tx: Tx, name: string, selfId?: number) {
  const where = selfId ? and(sql`lower(${organizations.name}) = lower(${name})`, ne(organizations.id, selfId)) : sql`lower(${organizations.name}) = lower(${name})`;
  const other = tx.select({ name: organizations.name, retiredAt: organizations.retiredAt }).from(organizations).where(where).get();
  if (other) {
    const message = `“${other.name}” is already in the list${other.retiredAt ? " (retired: bring it back instead)" : ""}.`;
    throw new AppError("CONFLICT", message, { name: [message] });
  }
}

export function createOrganization(actor: Actor, input: unknown) {
  authorize(actor, "plan.edit");
  const data = createOrganizationSchema.parse(input);
  return getDb().transaction((tx) => {
    assertNameFree(tx, data.name);
    // The slug is the organization's address and its key in plan documents: made once, kept.
    const slug = uniqueSlug(slugify(data.name), (s) => Boolean(tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, s)).get()));
    const row = tx
      .insert(organizations)
      .values({ slug, ...data })
      .returning()
      .get();
    recordAudit(tx, actor, { action: "organization.create", entityType: "organization", entityId: row.id, after: { slug, ...data } });
    return row;
  });
}

export function updateOrganization(actor: Actor, input: unknown) {
  authorize(actor, "plan.edit");
  const data = updateOrganizationSchema.parse(input);
  return getDb().transaction((tx) => {
    const org = loadOrganization(tx, data.organizationId);
    refuseIfStale(tx, { entityType: "organization", entityId: org.id, noun: "organization", stored: org.version, expected: data.version, current: organizationFormValues(org), labels: ORGANIZATION_LABELS });
    if (org.retiredAt) throw new AppError("CONFLICT", "This organization is retired; bring it back before editing it.");
    const { organizationId: _id, version: _v, ...wanted } = data;
    const diff = diffFields(org, wanted);
    if (!diff) return { organization: org, changed: false };
    if ("name" in diff.after) assertNameFree(tx, data.name, org.id);
    const result = tx
      .update(organizations)
      .set({ ...diff.after, version: org.version + 1 })
      .where(and(eq(organizations.id, org.id), eq(organizations.version, data.version)))
      .run();
    assertWritten(result, "organization");
    recordAudit(tx, actor, { action: "organization.update", entityType: "organization", entityId: org.id, ...diff });
    return { organization: loadOrganization(tx, org.id), changed: true };
  });
}

// A retired organization keeps its champion and lead links (history), but is
// no longer offered in pickers or listed among the partners.
export function setOrganizationRetired(actor: Actor, input: unknown) {
  authorize(actor, "plan.edit");
  const data = retireOrganizationSchema.parse(input);
  return getDb().transaction((tx) => {
    const org = loadOrganization(tx, data.organizationId);
    refuseIfStale(tx, { entityType: "organization", entityId: org.id, noun: "organization", stored: org.version, expected: data.version, current: organizationFormValues(org), labels: ORGANIZATION_LABELS });
    if (Boolean(org.retiredAt) === data.retired) return { organization: org, changed: false };
    const retiredAt = data.retired ? now() : null;
    const result = tx
      .update(organizations)
      .set({ retiredAt, version: org.version + 1 })
      .where(and(eq(organizations.id, org.id), eq(organizations.version, data.version)))
      .run();
    assertWritten(result, "organization");
    recordAudit(tx, actor, { action: data.retired ? "organization.retire" : "organization.restore", entityType: "organization", entityId: org.id, before: { retiredAt: org.retiredAt }, after: { retiredAt } });
    return { organization: loadOrganization(tx, org.id), changed: true };
  });
}
