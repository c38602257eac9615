import { inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { organizations, sections, users, workGroups } from "@/db/schema";

export type Fields = Record<string, unknown>;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

// The fields that differ, as the {before, after} pair the audit log stores;
// null when nothing changed (and so nothing is written).
export function diffFields(stored: object, wanted: Fields): { before: Fields; after: Fields } | null {
  const old = stored as Fields;
  const before: Fields = {};
  const after: Fields = {};
  for (const key of Object.keys(wanted)) {
    if (same(old[key], wanted[key])) continue;
    before[key] = old[key] ?? null;
    after[key] = wanted[key] ?? null;
  }
  return Object.keys(after).length ? { before, after } : null;
}

// Readable lines for a stored diff: "Title: “Old” → “New”", with ids turned
// back into names so a person can see what the other editor did.
export function describeChanges(tx: DbOrTx, diff: string | null, labels: Record<string, string>): string[] {
  if (!diff) return [];
  let parsed: { before: Fields | null; after: Fields | null };
  try {
    parsed = JSON.parse(diff);
  } catch {
    return [];
  }
  const before = parsed.before ?? {};
  const after = parsed.after ?? {};
  const names = nameLookup(tx, [before, after]);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.map((key) => {
    const label = labels[key] ?? key;
    const show = (v: unknown) => showValue(key, v, names);
    return key in before ? `${label}: ${show(before[key])} → ${show(after[key])}` : `${label}: ${show(after[key])}`;
  });
}

type Names = { section: Map<number, string>; group: Map<number, string>; org: Map<number, string>; user: Map<number, string> };

const ID_KIND: Record<string, keyof Names> = { sectionId: "section", parentId: "section", sectionIds: "section", workGroupId: "group", leadOrganizationId: "org", ownerOrganizationId: "org", champions: "org", leadUserId: "user" };

function nameLookup(tx: DbOrTx, diffs: Fields[]): Names {
  const ids: Record<keyof Names, Set<number>> = { section: new Set(), group: new Set(), org: new Set(), user: new Set() };
  for (const d of diffs) {
    for (const [key, value] of Object.entries(d)) {
      const kind = ID_KIND[key];
      if (!kind) continue;
      for (const v of Array.isArray(value) ? value : [value]) {
        const id = typeof v === "object" && v !== null ? (v as { organizationId?: unknown }).organizationId : v;
        if (typeof id === "number") ids[kind].add(id);
      }
    }
  }
  const load = <T extends { id: number; name: string }>(set: Set<number>, query: (list: number[]) => T[]) => new Map(set.size ? query([...set]).map((r) => [r.id, r.name]) : []);
  return {
    section: load(ids.section, (list) => tx.select({ id: sections.id, name: sections.title }).from(sections).where(inArray(sections.id, list)).all()),
    group: load(ids.group, (list) => tx.select({ id: workGroups.id, name: workGroups.name }).from(workGroups).where(inArray(workGroups.id, list)).all()),
    org: load(ids.org, (list) => tx.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, list)).all()),
    user: load(ids.user, (list) => tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, list)).all()),
  };
}

function showValue(key: string, value: unknown, names: Names): string {
  if (value === null || value === undefined || value === "") return "(none)";
  if (typeof value === "boolean") return value ? "yes" : "no";
  const kind = ID_KIND[key];
  if (key === "champions" && Array.isArray(value)) {
    if (value.length === 0) return "(none)";
    return value.map((c: { organizationId: number; role: string }) => `${names.org.get(c.organizationId) ?? `#${c.organizationId}`} (${c.role})`).join(", ");
  }
  if (kind && Array.isArray(value)) return value.length ? value.map((id: number) => names[kind].get(id) ?? `#${id}`).join(", ") : "(none)";
  if (kind && typeof value === "number") return names[kind].get(value) ?? `#${value}`;
  if (typeof value === "string") return `“${value.length > 300 ? `${value.slice(0, 300)}…` : value}”`;
  return String(value);
}
