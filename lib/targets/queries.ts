import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { sections, targets, targetSections, type Target } from "@/db/schema";

export const targetSortSchema = z.object({
  sort: z.enum(["amount", "description"]).catch("amount").default("amount"),
  dir: z.enum(["asc", "desc"]).catch("desc").default("desc"),
});
export type TargetSort = z.infer<typeof targetSortSchema>;

export function listTargets(planId: number, { sort, dir }: TargetSort) {
  const column = sort === "amount" ? targets.marketSupportUsd : targets.description;
  return withSections(getDb().select().from(targets).where(and(eq(targets.planId, planId), isNull(targets.retiredAt))).orderBy(dir === "asc" ? asc(column) : desc(column), asc(targets.position)).all());
}

// The admin list: the plan's own order, retired targets only when asked for.
export function listTargetsForEditing(planId: number, { showRetired = false } = {}) {
  return withSections(
    getDb()
      .select()
      .from(targets)
      .where(and(eq(targets.planId, planId), showRetired ? undefined : isNull(targets.retiredAt)))
      .orderBy(asc(targets.position), asc(targets.id))
      .all(),
  );
}

export function getTargetForEditing(planId: number, id: number) {
  const db = getDb();
  const target = db.select().from(targets).where(and(eq(targets.planId, planId), eq(targets.id, id))).get();
  if (!target) return null;
  const sectionIds = db.select({ id: targetSections.sectionId }).from(targetSections).where(eq(targetSections.targetId, id)).all().map((r) => r.id);
  return { target, sectionIds };
}

function withSections(rows: Target[]) {
  const db = getDb();
  const links = rows.length
    ? db
        .select({ targetId: targetSections.targetId, key: sections.key, title: sections.title })
        .from(targetSections)
        .innerJoin(sections, eq(sections.id, targetSections.sectionId))
        .where(inArray(targetSections.targetId, rows.map((r) => r.id)))
        .orderBy(asc(sections.position))
        .all()
    : [];
  const total = rows.reduce((sum, r) => sum + r.marketSupportUsd, 0);
  return {
    rows: rows.map((r) => ({ ...r, sections: links.filter((l) => l.targetId === r.id) })),
    total,
  };
}
