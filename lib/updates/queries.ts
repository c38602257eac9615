import { aliasedTable, and, asc, count, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { actions, attachments, plans, progressUpdates, reportingPeriods, sections, users, workGroups, type ReportingPeriod } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { getCurrentPeriod, getPreviousPeriod } from "@/lib/periods/queries";
import type { UpdateLink } from "./schema";

const author = aliasedTable(users, "author");
const editor = aliasedTable(users, "editor");
const reviewer = aliasedTable(users, "reviewer");

export function parseLinks(json: string): UpdateLink[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? (v as UpdateLink[]) : [];
  } catch {
    return [];
  }
}

// The links textarea's text for stored links (the inverse of linksSchema).
export function linksToText(json: string): string {
  return parseLinks(json)
    .map((l) => (l.label === l.url ? l.url : `${l.label} | ${l.url}`))
    .join("\n");
}

// Every update of an action, newest period first: the action page's timeline.
export function listActionUpdates(actionId: number) {
  const db = getDb();
  const rows = db
    .select({
      update: progressUpdates,
      periodLabel: reportingPeriods.label,
      periodStatus: reportingPeriods.status,
      authorName: author.name,
      editorName: editor.name,
      reviewerName: reviewer.name,
    })
    .from(progressUpdates)
    .leftJoin(reportingPeriods, eq(reportingPeriods.id, progressUpdates.periodId))
    .leftJoin(author, eq(author.id, progressUpdates.authorId))
    .leftJoin(editor, eq(editor.id, progressUpdates.lastEditedById))
    .leftJoin(reviewer, eq(reviewer.id, progressUpdates.reviewedById))
    .where(eq(progressUpdates.actionId, actionId))
    .orderBy(desc(reportingPeriods.startDate), desc(progressUpdates.updatedAt))
    .all();
  const files = attachmentsFor(rows.map((r) => r.update.id));
  return rows.map((r) => ({ ...r, links: parseLinks(r.update.links), attachments: files.get(r.update.id) ?? [] }));
}

export function attachmentsFor(updateIds: number[]) {
  const map = new Map<number, { id: number; fileName: string; sizeBytes: number; contentType: string }[]>();
  if (updateIds.length === 0) return map;
  const rows = getDb()
    .select({ id: attachments.id, updateId: attachments.updateId, fileName: attachments.fileName, sizeBytes: attachments.sizeBytes, contentType: attachments.contentType })
    .from(attachments)
    .where(inArray(attachments.updateId, updateIds))
    .orderBy(asc(attachments.id))
    .all();
  for (const r of rows) map.set(r.updateId, [...(map.get(r.updateId) ?? []), r]);
  return map;
}

export function countAttachments(updateId: number): number {
  return getDb().select({ n: count() }).from(attachments).where(eq(attachments.updateId, updateId)).get()?.n ?? 0;
}

// The update an action has for one period, if any.
export function getUpdateFor(actionId: number, periodId: number) {
  return getDb().select().from(progressUpdates).where(and(eq(progressUpdates.actionId, actionId), eq(progressUpdates.periodId, periodId))).get();
}

// Updates returned to this person (they wrote or last edited them) and not yet fixed.
export function listReturnedFor(userId: number) {
  return getDb()
    .select({ id: progressUpdates.id, actionId: actions.id, code: actions.code, title: actions.title, text: actions.text, note: progressUpdates.reviewNote, periodLabel: reportingPeriods.label, reviewedAt: progressUpdates.reviewedAt })
    .from(progressUpdates)
    .innerJoin(actions, eq(actions.id, progressUpdates.actionId))
    .leftJoin(reportingPeriods, eq(reportingPeriods.id, progressUpdates.periodId))
    // Each OR branch matches an index (author or editor, then state), so this never scans all updates.
    .where(or(and(eq(progressUpdates.authorId, userId), eq(progressUpdates.reviewState, "returned")), and(eq(progressUpdates.lastEditedById, userId), eq(progressUpdates.reviewState, "returned"))))
    .orderBy(desc(progressUpdates.reviewedAt))
    .all();
}

export const REVIEW_PAGE_SIZE = 10;

// Updates waiting for staff review, oldest first, a page at a time (a
// narrative and a review form each; a busy quarter has hundreds). Those this
// reviewer handled recently stay in the list (marked as reviewed) so the
// result of each decision is still on screen after the page refreshes.
export function listAwaitingReview(planId: number, recent?: { reviewerId: number; withinMinutes: number }, page = 1, workGroupId?: number) {
  const db = getDb();
  const waiting = eq(progressUpdates.reviewState, "submitted");
  const mine = recent ? and(eq(progressUpdates.reviewedById, recent.reviewerId), sql`${progressUpdates.reviewedAt} >= ${new Date(Date.now() - recent.withinMinutes * 60_000).toISOString()}`) : undefined;
  const inPlan = and(eq(actions.planId, planId), workGroupId ? eq(actions.workGroupId, workGroupId) : undefined);
  const where = and(inPlan, mine ? or(waiting, mine) : waiting);
  const total = db.select({ n: count() }).from(progressUpdates).innerJoin(actions, eq(actions.id, progressUpdates.actionId)).where(and(inPlan, waiting)).get()?.n ?? 0;
  const rows = db
    .select({ id: progressUpdates.id, version: progressUpdates.version, reviewState: progressUpdates.reviewState, actionId: actions.id, code: actions.code, title: actions.title, text: actions.text, status: progressUpdates.status, percentComplete: progressUpdates.percentComplete, narrative: progressUpdates.narrative, submittedAt: progressUpdates.submittedAt, periodLabel: reportingPeriods.label, authorName: author.name })
    .from(progressUpdates)
    .innerJoin(actions, eq(actions.id, progressUpdates.actionId))
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, progressUpdates.periodId))
    .leftJoin(author, eq(author.id, progressUpdates.lastEditedById))
    .where(where)
    .orderBy(asc(progressUpdates.submittedAt), asc(progressUpdates.id))
    .limit(REVIEW_PAGE_SIZE)
    .offset((Math.max(1, page) - 1) * REVIEW_PAGE_SIZE)
    .all();
  return Object.assign(rows, { waitingTotal: total, pageCount: Math.max(1, Math.ceil(total / REVIEW_PAGE_SIZE)) });
}

export type MyQuarterRow = Awaited<ReturnType<typeof listMyQuarter>>[number]["rows"][number];

// "My quarter": for each plan with a current period, every live action of the
// work groups the person leads or belongs to, plus actions assigned to them,
// with this period's update and last period's status side by side.
//
// `all` lists every such action with just its update's state (for the
// progress count and "submit all drafts"); `rows` holds the full rows of one
// page. Someone answerable for a whole plan has hundreds of actions, and
// mapping every column of every row cost more than the rest of the page.
export function listMyQuarter(user: Pick<UserActor, "userId" | "memberOf">, opts: { pageSize?: number; pageOf?: (planId: number) => number } = {}) {
  const db = getDb();
  const pageSize = opts.pageSize ?? Number.POSITIVE_INFINITY;
  const mine = or(user.memberOf.length ? inArray(actions.workGroupId, user.memberOf) : sql`0`, eq(actions.leadUserId, user.userId));
  const planIds = db.selectDistinct({ planId: actions.planId }).from(actions).where(and(isNull(actions.retiredAt), mine)).all().map((r) => r.planId);
  const result: { plan: { id: number; slug: string; title: string }; period: ReportingPeriod; previous: ReportingPeriod | undefined; all: ReturnType<typeof listAll>; rows: ReturnType<typeof rowsFor>; page: number; pageCount: number }[] = [];
  for (const planId of planIds) {
    const period = getCurrentPeriod(planId);
    if (!period) continue;
    const plan = db.select({ id: plans.id, slug: plans.slug, title: plans.title }).from(plans).where(eq(plans.id, planId)).get()!;
    const previous = getPreviousPeriod(period);
    const all = listAll(planId, period.id);
    const pageCount = Number.isFinite(pageSize) ? Math.max(1, Math.ceil(all.length / pageSize)) : 1;
    const page = Math.min(pageCount, Math.max(1, opts.pageOf?.(planId) ?? 1));
    const ids = Number.isFinite(pageSize) ? all.slice((page - 1) * pageSize, page * pageSize).map((r) => r.id) : all.map((r) => r.id);
    result.push({ plan, period, previous, all, rows: rowsFor(planId, period.id, previous?.id, ids), page, pageCount });
  }
  return result;

  function order() {
    return [asc(workGroups.position), asc(workGroups.name), asc(actions.position), asc(actions.id)];
  }

  function listAll(planId: number, periodId: number) {
    return db
      .select({ id: actions.id, updateId: progressUpdates.id, version: progressUpdates.version, reviewState: progressUpdates.reviewState })
      .from(actions)
      .leftJoin(workGroups, eq(workGroups.id, actions.workGroupId))
      .leftJoin(progressUpdates, and(eq(progressUpdates.actionId, actions.id), eq(progressUpdates.periodId, periodId)))
      .where(and(eq(actions.planId, planId), isNull(actions.retiredAt), mine))
      .orderBy(...order())
      .all()
      .map((r) => ({ id: r.id, update: r.updateId === null ? null : { id: r.updateId, version: r.version!, reviewState: r.reviewState! } }));
  }

  function rowsFor(planId: number, periodId: number, previousId: number | undefined, ids: number[]) {
    if (ids.length === 0) return [];
    const cur = aliasedTable(progressUpdates, "cur");
    const prev = aliasedTable(progressUpdates, "prev");
    const rows = db
      .select({
        id: actions.id,
        code: actions.code,
        title: actions.title,
        text: actions.text,
        status: actions.status,
        percentComplete: actions.percentComplete,
        workGroupId: actions.workGroupId,
        workGroupName: workGroups.name,
        sectionTitle: sections.title,
        leadUserId: actions.leadUserId,
        update: cur,
        previousStatus: prev.status,
        previousPercent: prev.percentComplete,
        previousState: prev.reviewState,
      })
      .from(actions)
      .leftJoin(workGroups, eq(workGroups.id, actions.workGroupId))
      .leftJoin(sections, eq(sections.id, actions.sectionId))
      .leftJoin(cur, and(eq(cur.actionId, actions.id), eq(cur.periodId, periodId)))
      .leftJoin(prev, and(eq(prev.actionId, actions.id), previousId ? eq(prev.periodId, previousId) : sql`0`))
      .where(and(eq(actions.planId, planId), inArray(actions.id, ids)))
      .orderBy(...order())
      .all();
    const files = attachmentsFor(rows.flatMap((r) => (r.update ? [r.update.id] : [])));
    return rows.map((r) => ({ ...r, attachments: r.update ? (files.get(r.update.id) ?? []) : [] }));
  }
}

// "7 of 12 updated": submitted or accepted updates count; drafts and returned ones do not.
export function quarterProgress(rows: { update: { reviewState: string } | null }[]) {
  const done = rows.filter((r) => r.update && (r.update.reviewState === "submitted" || r.update.reviewState === "accepted")).length;
  const drafts = rows.filter((r) => r.update?.reviewState === "draft").length;
  const returned = rows.filter((r) => r.update?.reviewState === "returned").length;
  return { done, drafts, returned, total: rows.length };
}
