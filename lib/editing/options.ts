import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import { getDb } from "@/db";
import { organizations, sections, users, workGroups } from "@/db/schema";

export interface Option {
  value: string;
  label: string;
}

// Depth-first, so sub-sections follow their parent; the label is indented
// with em spaces because a <select> cannot nest more than one level.
export function sectionOptions(planId: number, keep: number[] = []): Option[] {
  const all = getDb()
    .select({ id: sections.id, parentId: sections.parentId, title: sections.title, code: sections.code, retiredAt: sections.retiredAt })
    .from(sections)
    .where(eq(sections.planId, planId))
    .orderBy(asc(sections.position), asc(sections.id))
    .all();
  const out: Option[] = [];
  const visit = (parentId: number | null, depth: number) => {
    for (const s of all) {
      if (s.parentId !== parentId) continue;
      // A retired branch is offered only where a record already points into it.
      if (s.retiredAt && !keep.includes(s.id)) continue;
      out.push({ value: String(s.id), label: `${"\u2003".repeat(depth)}${s.code ? `${s.code} ` : ""}${s.title}${s.retiredAt ? " (retired)" : ""}` });
      visit(s.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

export function workGroupOptions(planId: number, only?: number[]): Option[] {
  if (only && only.length === 0) return [];
  return getDb()
    .select({ id: workGroups.id, name: workGroups.name })
    .from(workGroups)
    .where(and(eq(workGroups.planId, planId), isNull(workGroups.retiredAt), only ? inArray(workGroups.id, only) : undefined))
    .orderBy(asc(workGroups.position), asc(workGroups.name))
    .all()
    .map((g) => ({ value: String(g.id), label: g.name }));
}

// Live organizations, plus retired ones a record still points at.
export function organizationOptions(keep: number[] = []): Option[] {
  return getDb()
    .select({ id: organizations.id, name: organizations.name, acronym: organizations.acronym, retiredAt: organizations.retiredAt })
    .from(organizations)
    .where(keep.length ? or(isNull(organizations.retiredAt), inArray(organizations.id, keep)) : isNull(organizations.retiredAt))
    .orderBy(asc(organizations.name))
    .all()
    .map((o) => ({ value: String(o.id), label: `${o.name}${o.acronym ? ` (${o.acronym})` : ""}${o.retiredAt ? " (retired)" : ""}` }));
}

// Names only: e-mail addresses stay on the admin pages.
export function accountOptions(keep: number | null = null): Option[] {
  return getDb()
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(keep ? or(eq(users.isActive, true), eq(users.id, keep)) : eq(users.isActive, true))
    .orderBy(asc(users.name))
    .all()
    .map((u) => ({ value: String(u.id), label: u.name }));
}
