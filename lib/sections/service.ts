import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { actions, plans, sections, type Section } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { diffFields } from "@/lib/editing/changes";
import { assertWritten, refuseIfStale } from "@/lib/editing/conflict";
import { nextPosition, reorder } from "@/lib/editing/reorder";
import { slugify, uniqueSlug } from "@/lib/editing/slug";
import { AppError } from "@/lib/errors";
import { createSectionSchema, moveSectionSchema, retireSectionSchema, SECTION_LABELS, sectionFormValues, updateSectionSchema } from "./schema";

const now = () => new Date().toISOString();

function loadSection(tx: Tx, id: number): Section {
  const section = tx.select().from(sections).where(eq(sections.id, id)).get();
  if (!section) throw new AppError("NOT_FOUND", "No such section.");
  return section;
}

const siblingsOf = (tx: Tx, planId: number, parentId: number | null) =>
  tx
    .select({ id: sections.id, position: sections.position })
    .from(sections)
    .where(and(eq(sections.planId, planId), parentId === null ? isNull(sections.parentId) : eq(sections.parentId, parentId), isNull(sections.retiredAt)))
    .orderBy(asc(sections.position), asc(sections.id))
    .all();

// A parent must be a live section of the same plan, and never the section
// itself or one of its own descendants (that would cut the branch off the tree).
function checkParent(tx: Tx, planId: number, parentId: number | null, self?: Section) {
  if (parentId === null) return;
  const problem = (message: string) => new AppError("INVALID_INPUT", message, { parentId: [message] });
  const parent = tx.select().from(sections).where(eq(sections.id, parentId)).get();
  if (!parent || parent.planId !== planId) throw problem("Choose a section of this plan.");
  if (parent.retiredAt && parentId !== self?.parentId) throw problem("That section is retired; choose a live one.");
  if (!self) return;
  for (let p: Section | undefined = parent; p; p = p.parentId ? tx.select().from(sections).where(eq(sections.id, p.parentId)).get() : undefined) {
    if (p.id === self.id) throw problem("A section cannot sit inside itself or one of its own sub-sections.");
  }
}

export function createSection(actor: Actor, input: unknown) {
  authorize(actor, "plan.edit");
  const data = createSectionSchema.parse(input);
  return getDb().transaction((tx) => {
    if (!tx.select({ id: plans.id }).from(plans).where(eq(plans.id, data.planId)).get()) throw new AppError("NOT_FOUND", "No such plan.");
    checkParent(tx, data.planId, data.parentId);
    // The key names the section in URLs and plan documents, so it is made once and kept.
    const key = uniqueSlug(slugify([data.code, data.title].filter(Boolean).join(" ")), (k) => Boolean(tx.select({ id: sections.id }).from(sections).where(and(eq(sections.planId, data.planId), eq(sections.key, k))).get()));
    const { planId, ...fields } = data;
    const row = tx
      .insert(sections)
      .values({ planId, key, ...fields, position: nextPosition(siblingsOf(tx, planId, data.parentId)) })
      .returning()
      .get();
    recordAudit(tx, actor, { action: "section.create", entityType: "section", entityId: row.id, after: { key, ...fields } });
    return row;
  });
}

export function updateSection(actor: Actor, input: unknown) {
  authorize(actor, "plan.edit");
  const data = updateSectionSchema.parse(input);
  return getDb().transaction((tx) => {
    const section = loadSection(tx, data.sectionId);
    refuseIfStale(tx, { entityType: "section", entityId: section.id, noun: "section", stored: section.version, expected: data.version, current: sectionFormValues(section), labels: SECTION_LABELS });
    if (section.retiredAt) throw new AppError("CONFLICT", "This section is retired; bring it back before editing it.");
    checkParent(tx, section.planId, data.parentId, section);
    const { sectionId: _id, version: _v, ...wanted } = data;
    const diff = diffFields(section, wanted);
    if (!diff) return { section, changed: false };
    // A section moved under another parent goes to the end of its new siblings.
    const position = data.parentId !== section.parentId ? nextPosition(siblingsOf(tx, section.planId, data.parentId)) : section.position;
    const result = tx
      .update(sections)
      .set({ ...diff.after, position, version: section.version + 1 })
      .where(and(eq(sections.id, section.id), eq(sections.version, data.version)))
      .run();
    assertWritten(result, "section");
    recordAudit(tx, actor, { action: "section.update", entityType: "section", entityId: section.id, ...diff });
    return { section: loadSection(tx, section.id), changed: true };
  });
}

export function moveSection(actor: Actor, input: unknown) {
  authorize(actor, "plan.edit");
  const data = moveSectionSchema.parse(input);
  return getDb().transaction((tx) => {
    const section = loadSection(tx, data.sectionId);
    if (section.retiredAt) throw new AppError("CONFLICT", "This section is retired; bring it back before moving it.");
    const moves = reorder(siblingsOf(tx, section.planId, section.parentId), section.id, data.direction);
    if (!moves) return { moved: false };
    for (const m of moves) tx.update(sections).set({ position: m.position }).where(eq(sections.id, m.id)).run();
    const mine = moves.find((m) => m.id === section.id);
    recordAudit(tx, actor, { action: "section.move", entityType: "section", entityId: section.id, before: { position: section.position }, after: { position: mine?.position ?? section.position, direction: data.direction } });
    return { moved: true };
  });
}

// Retiring hides a section from the plan's views and keeps every record that
// points at it. A section still holding live actions or sub-sections is
// refused: those would vanish from view with it.
export function setSectionRetired(actor: Actor, input: unknown) {
  authorize(actor, "plan.edit");
  const data = retireSectionSchema.parse(input);
  return getDb().transaction((tx) => {
    const section = loadSection(tx, data.sectionId);
    refuseIfStale(tx, { entityType: "section", entityId: section.id, noun: "section", stored: section.version, expected: data.version, current: sectionFormValues(section), labels: SECTION_LABELS });
    if (Boolean(section.retiredAt) === data.retired) return { section, changed: false };
    if (data.retired) {
      const liveActions = tx.select({ n: sql<number>`count(*)` }).from(actions).where(and(eq(actions.sectionId, section.id), isNull(actions.retiredAt))).get()?.n ?? 0;
      const liveChildren = tx.select({ n: sql<number>`count(*)` }).from(sections).where(and(eq(sections.parentId, section.id), isNull(sections.retiredAt))).get()?.n ?? 0;
      if (liveActions || liveChildren) {
        const what = [liveActions ? `${liveActions} live action${liveActions === 1 ? "" : "s"}` : "", liveChildren ? `${liveChildren} live sub-section${liveChildren === 1 ? "" : "s"}` : ""].filter(Boolean).join(" and ");
        throw new AppError("CONFLICT", `This section still holds ${what}. Move or retire them first.`);
      }
    } else if (section.parentId) {
      const parent = loadSection(tx, section.parentId);
      if (parent.retiredAt) throw new AppError("CONFLICT", `Its parent section “${parent.title}” is retired; bring that back first.`);
    }
    const retiredAt = data.retired ? now() : null;
    const result = tx
      .update(sections)
      .set({ retiredAt, version: section.version + 1, ...(data.retired ? {} : { position: nextPosition(siblingsOf(tx, section.planId, section.parentId)) }) })
      .where(and(eq(sections.id, section.id), eq(sections.version, data.version)))
      .run();
    assertWritten(result, "section");
    recordAudit(tx, actor, { action: data.retired ? "section.retire" : "section.restore", entityType: "section", entityId: section.id, before: { retiredAt: section.retiredAt }, after: { retiredAt } });
    return { section: loadSection(tx, section.id), changed: true };
  });
}
