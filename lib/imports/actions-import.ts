import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { actionChampions, actions, organizations, sections, workGroups, type Action } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { ACTION_COLUMNS, type ActionColumnKey } from "./columns";
import { actionRowSchema, type ChampionCell, type ImportError, type StoredActionRow } from "./schema";

// Validation and writing of an actions import. validateActionRows() is run by
// the preview and again by the commit inside its transaction; it reads the
// plan once (codes, section and work group keys, organizations) so a 5,000-row
// file costs a handful of queries.

export type ActionRowInput = { row: number; values: Partial<Record<ActionColumnKey, string>> };

const EDITABLE = ["title", "text", "sectionId", "workGroupId", "leadPerson", "isPriority", "startDate", "dueDate"] as const;
type Editable = (typeof EDITABLE)[number];
type ActionFields = Partial<Pick<Action, Editable>>;

const HEADER = Object.fromEntries(ACTION_COLUMNS.map((c) => [c.key, c.header])) as Record<ActionColumnKey, string>;
const FIELD_HEADER: Record<Editable | "champions", string> = {
  title: HEADER.title,
  text: HEADER.text,
  sectionId: HEADER.sectionKey,
  workGroupId: HEADER.workGroupKey,
  leadPerson: HEADER.leadPerson,
  isPriority: HEADER.priority,
  startDate: HEADER.startDate,
  dueDate: HEADER.dueDate,
  champions: HEADER.champions,
};

type Champion = ChampionCell & { organizationId: number };

export interface ResolvedActionRow {
  row: number;
  code: string;
  existing: Action | null;
  set: ActionFields;
  /** Undefined when the file has no Champions column: they stay as they are. */
  champions?: Champion[];
}

// "slug:role; …" in a stable order, to compare and to audit.
const championText = (list: { slug: string; role: string }[]) =>
  list
    .map((c) => `${c.slug}:${c.role}`)
    .sort()
    .join("; ");

function diff(existing: Action, set: ActionFields, champions: Champion[] | undefined, currentChampions: string) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const key of EDITABLE) {
    if (set[key] !== undefined && set[key] !== existing[key]) {
      before[key] = existing[key];
      after[key] = set[key];
    }
  }
  if (champions && championText(champions) !== currentChampions) {
    before.champions = currentChampions;
    after.champions = championText(champions);
  }
  return { before, after };
}

function loadPlanLookups(db: DbOrTx, planId: number) {
  const planActions = db.select().from(actions).where(eq(actions.planId, planId)).all();
  const championRows = db
    .select({ actionId: actionChampions.actionId, slug: organizations.slug, role: actionChampions.role })
    .from(actionChampions)
    .innerJoin(actions, eq(actions.id, actionChampions.actionId))
    .innerJoin(organizations, eq(organizations.id, actionChampions.organizationId))
    .where(eq(actions.planId, planId))
    .all();
  const championsByAction = new Map<number, { slug: string; role: string }[]>();
  for (const c of championRows) championsByAction.set(c.actionId, [...(championsByAction.get(c.actionId) ?? []), c]);
  return {
    byCode: new Map(planActions.map((a) => [a.code, a])),
    byLowerCode: new Map(planActions.map((a) => [a.code.toLowerCase(), a.code])),
    sections: new Map(db.select({ id: sections.id, key: sections.key, retiredAt: sections.retiredAt }).from(sections).where(eq(sections.planId, planId)).all().map((s) => [s.key, s])),
    groups: new Map(db.select({ id: workGroups.id, key: workGroups.key, retiredAt: workGroups.retiredAt }).from(workGroups).where(eq(workGroups.planId, planId)).all().map((g) => [g.key, g])),
    organizations: new Map(db.select({ id: organizations.id, slug: organizations.slug, retiredAt: organizations.retiredAt }).from(organizations).all().map((o) => [o.slug, o])),
    championText: (actionId: number) => championText(championsByAction.get(actionId) ?? []),
  };
}

export function validateActionRows(db: DbOrTx, planId: number, input: ActionRowInput[]) {
  const plan = loadPlanLookups(db, planId);
  const errors: ImportError[] = [];
  const stored: StoredActionRow[] = [];
  const resolved: ResolvedActionRow[] = [];
  const firstRowOf = new Map<string, number>();

  for (const r of input) {
    const rowErrors: ImportError[] = [];
    const fail = (column: string, reason: string) => rowErrors.push({ row: r.row, column, reason });
    const code = r.values.code ?? "";
    const existing = plan.byCode.get(code) ?? null;

    const parsed = actionRowSchema.safeParse(r.values);
    if (!parsed.success) for (const issue of parsed.error.issues) fail(HEADER[issue.path[0] as ActionColumnKey] ?? HEADER.code, issue.message);
    if (code) {
      const first = firstRowOf.get(code.toLowerCase());
      if (first !== undefined) fail(HEADER.code, `${code} is already in row ${first}; list each action once.`);
      else firstRowOf.set(code.toLowerCase(), r.row);
      const sameButCase = plan.byLowerCode.get(code.toLowerCase());
      if (!existing && sameButCase) fail(HEADER.code, `The plan has ${sameButCase}; write the code exactly so.`);
      if (existing?.retiredAt) fail(HEADER.code, `${code} is retired; restore it before importing changes to it.`);
    }

    const set: ActionFields = {};
    let champions: Champion[] | undefined;
    if (parsed.success) {
      const d = parsed.data;
      if (d.title !== undefined) set.title = d.title;
      if (d.text === undefined || d.text === "") {
        if (!existing) fail(HEADER.text, "A new action needs its text.");
        else if (d.text === "") fail(HEADER.text, "The text may not be emptied.");
      } else set.text = d.text;
      if (d.sectionKey !== undefined) {
        const section = d.sectionKey === null ? null : plan.sections.get(d.sectionKey);
        if (section === undefined || section?.retiredAt) fail(HEADER.sectionKey, `The plan has no ${section ? "live " : ""}section with the key ${d.sectionKey}.`);
        else set.sectionId = section?.id ?? null;
      }
      if (d.workGroupKey !== undefined) {
        const group = d.workGroupKey === null ? null : plan.groups.get(d.workGroupKey);
        if (group === undefined || group?.retiredAt) fail(HEADER.workGroupKey, `The plan has no ${group ? "live " : ""}work group with the key ${d.workGroupKey}.`);
        else set.workGroupId = group?.id ?? null;
      }
      if (d.leadPerson !== undefined) set.leadPerson = d.leadPerson;
      if (d.priority !== undefined) set.isPriority = d.priority;
      if (d.startDate !== undefined) set.startDate = d.startDate;
      if (d.dueDate !== undefined) set.dueDate = d.dueDate;
      const start = set.startDate !== undefined ? set.startDate : (existing?.startDate ?? null);
      const due = set.dueDate !== undefined ? set.dueDate : (existing?.dueDate ?? null);
      if (start && due && start > due) fail(d.dueDate !== undefined ? HEADER.dueDate : HEADER.startDate, `The due date (${due}) is before the start date (${start}).`);
      if (d.champions !== undefined) {
        champions = [];
        for (const c of d.champions) {
          const org = plan.organizations.get(c.slug);
          if (!org || org.retiredAt) fail(HEADER.champions, `No ${org ? "live " : ""}organization has the key ${c.slug}.`);
          else champions.push({ ...c, organizationId: org.id });
        }
      }
    }

    const changes = existing && rowErrors.length === 0 ? Object.keys(diff(existing, set, champions, plan.championText(existing.id)).after).map((k) => FIELD_HEADER[k as Editable]) : [];
    stored.push({ row: r.row, values: r.values, existing: existing ? { id: existing.id, version: existing.version } : null, changes });
    if (rowErrors.length === 0) resolved.push({ row: r.row, code, existing, set, champions });
    errors.push(...rowErrors);
  }
  return { stored, resolved, errors, currentChampions: plan.championText };
}

function nextPosition(tx: Tx, planId: number, sectionId: number | null): number {
  const where = and(eq(actions.planId, planId), sectionId === null ? isNull(actions.sectionId) : eq(actions.sectionId, sectionId));
  return (tx.select({ n: sql<number | null>`max(${actions.position})` }).from(actions).where(where).get()?.n ?? 0) + 1;
}

// Writes validated rows: new actions go at the end of their section; existing
// ones change only in the columns the file has, with their version bumped so
// an edit form opened before the import is refused as stale.
export function applyActionRows(tx: Tx, actor: Actor, planId: number, rows: ResolvedActionRow[], currentChampions: (actionId: number) => string) {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  for (const r of rows) {
    if (!r.existing) {
      const created = tx
        .insert(actions)
        .values({
          planId,
          code: r.code,
          text: r.set.text!,
          title: r.set.title ?? null,
          sectionId: r.set.sectionId ?? null,
          workGroupId: r.set.workGroupId ?? null,
          leadPerson: r.set.leadPerson ?? null,
          isPriority: r.set.isPriority ?? false,
          startDate: r.set.startDate ?? null,
          dueDate: r.set.dueDate ?? null,
          position: nextPosition(tx, planId, r.set.sectionId ?? null),
        })
        .returning()
        .get();
      if (r.champions?.length) tx.insert(actionChampions).values(r.champions.map((c) => ({ actionId: created.id, organizationId: c.organizationId, role: c.role }))).run();
      recordAudit(tx, actor, { action: "action.import_create", entityType: "action", entityId: created.id, after: { code: r.code, ...r.set, champions: championText(r.champions ?? []) } });
      counts.created++;
      continue;
    }

    const { before, after } = diff(r.existing, r.set, r.champions, currentChampions(r.existing.id));
    if (Object.keys(after).length === 0) {
      counts.unchanged++;
      continue;
    }
    const fields = Object.fromEntries(EDITABLE.filter((k) => k in after).map((k) => [k, after[k]])) as ActionFields;
    const updated = tx
      .update(actions)
      .set({ ...fields, version: r.existing.version + 1, updatedAt: new Date().toISOString() })
      .where(and(eq(actions.id, r.existing.id), eq(actions.version, r.existing.version)))
      .run();
    if (updated.changes === 0) throw new AppError("CONFLICT", `Action ${r.code} changed while the import was being written; nothing was imported. Upload the file again.`);
    if ("champions" in after && r.champions) {
      tx.delete(actionChampions).where(eq(actionChampions.actionId, r.existing.id)).run();
      if (r.champions.length) tx.insert(actionChampions).values(r.champions.map((c) => ({ actionId: r.existing!.id, organizationId: c.organizationId, role: c.role }))).run();
    }
    recordAudit(tx, actor, { action: "action.import_update", entityType: "action", entityId: r.existing.id, before, after });
    counts.updated++;
  }
  return counts;
}
