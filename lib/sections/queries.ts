import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { actions, sections, type Section } from "@/db/schema";

export interface SectionRow extends Section {
  depth: number;
  liveActions: number;
  // Its place among its live siblings, for the move buttons.
  first: boolean;
  last: boolean;
}

// The admin list of a plan's sections as a tree, depth-first in the plan's
// order; retired sections (and what is under them) only when asked for.
export function listSectionsForEditing(planId: number, { showRetired = false } = {}): SectionRow[] {
  const db = getDb();
  const all = db.select().from(sections).where(eq(sections.planId, planId)).orderBy(asc(sections.position), asc(sections.id)).all();
  const counts = new Map(
    db
      .select({ sectionId: actions.sectionId, n: sql<number>`count(*)` })
      .from(actions)
      .where(and(eq(actions.planId, planId), isNull(actions.retiredAt)))
      .groupBy(actions.sectionId)
      .all()
      .map((r) => [r.sectionId, r.n]),
  );
  const out: SectionRow[] = [];
  const visit = (parentId: number | null, depth: number) => {
    const children = all.filter((s) => s.parentId === parentId && (showRetired || !s.retiredAt));
    const live = children.filter((s) => !s.retiredAt);
    for (const s of children) {
      out.push({ ...s, depth, liveActions: counts.get(s.id) ?? 0, first: live[0]?.id === s.id, last: live.at(-1)?.id === s.id });
      visit(s.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

export function getSectionForEditing(planId: number, id: number) {
  return getDb().select().from(sections).where(and(eq(sections.planId, planId), eq(sections.id, id))).get() ?? null;
}
