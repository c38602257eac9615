import { asc, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { sections, targets, targetSections } from "@/db/schema";

export const targetSortSchema = z.object({
  sort: z.enum(["amount", "description"]).catch("amount").default("amount"),
  dir: z.enum(["asc", "desc"]).catch("desc").default("desc"),
});
export type TargetSort = z.infer<typeof targetSortSchema>;

export function listTargets(planId: number, { sort, dir }: TargetSort) {
  const db = getDb();
  const column = sort === "amount" ? targets.marketSupportUsd : targets.description;
  const rows = db
    .select()
    .from(targets)
    .where(eq(targets.planId, planId))
    .orderBy(dir === "asc" ? asc(column) : desc(column), asc(targets.position))
    .all();
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
