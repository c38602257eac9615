import { and, asc, count, desc, eq, inArray, lt, ne } from "drizzle-orm";
import { aliasedTable } from "drizzle-orm";
import { getDb } from "@/db";
import { comments, plans, reportAcknowledgements, reportingPeriods, reports, users, type Report } from "@/db/schema";
import type { ActionStatus } from "@/db/schema/enums";
import type { CompiledReport, ReportAction } from "./compiled";
import type { ReportContent } from "./document";
import { REPORT_SECTIONS, reportTextsSchema } from "./schema";
import type { ReportSnapshot } from "./service";

// Reads for the report pages. Drafts are staff working papers: callers pass
// whether the reader may manage reports, and a draft is invisible otherwise.

const publisher = aliasedTable(users, "publisher");

export interface ReportListItem {
  id: number;
  title: string;
  status: Report["status"];
  edition: number;
  periodId: number;
  periodLabel: string;
  periodEnd: string;
  publishedAt: string | null;
  publishedBy: string | null;
  acknowledgements: number;
  comments: number;
}

/** A plan's reports, newest period first, each period's latest edition first. */
export function listReports(planId: number, withDrafts: boolean): ReportListItem[] {
  const db = getDb();
  const rows = db
    .select({
      id: reports.id,
      title: reports.title,
      status: reports.status,
      edition: reports.edition,
      periodId: reports.periodId,
      periodLabel: reportingPeriods.label,
      periodEnd: reportingPeriods.endDate,
      publishedAt: reports.publishedAt,
      publishedBy: publisher.name,
    })
    .from(reports)
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, reports.periodId))
    .leftJoin(publisher, eq(publisher.id, reports.publishedById))
    .where(withDrafts ? eq(reports.planId, planId) : and(eq(reports.planId, planId), ne(reports.status, "draft")))
    .orderBy(desc(reportingPeriods.endDate), desc(reports.edition))
    .all();
  const ids = rows.map((r) => r.id);
  const tally = (table: typeof reportAcknowledgements | typeof comments, column: typeof reportAcknowledgements.reportId | typeof comments.reportId) =>
    new Map(
      ids.length
        ? db
            .select({ id: column, n: count() })
            .from(table)
            .where(inArray(column, ids))
            .groupBy(column)
            .all()
            .map((r) => [r.id!, r.n] as const)
        : [],
    );
  const acks = tally(reportAcknowledgements, reportAcknowledgements.reportId);
  const talk = tally(comments, comments.reportId);
  return rows.map((r) => ({ ...r, acknowledgements: acks.get(r.id) ?? 0, comments: talk.get(r.id) ?? 0 }));
}

/** What the report shows: a draft's live compilation with its texts, or the frozen snapshot. */
export function reportContent(report: Report): ReportContent {
  if (report.status !== "draft") {
    return JSON.parse(report.snapshot!) as ReportSnapshot;
  }
  return {
    title: report.title,
    edition: report.edition,
    publishedAt: null,
    changeNote: report.changeNote,
    texts: reportTextsSchema.parse(JSON.parse(report.texts)),
    featuredUpdateIds: JSON.parse(report.featuredUpdateIds) as number[],
    sectionOrder: JSON.parse(report.sectionOrder).length ? (JSON.parse(report.sectionOrder) as string[]) : [...REPORT_SECTIONS],
    compiled: JSON.parse(report.compiled!) as CompiledReport,
  };
}

export interface ReportEdition {
  id: number;
  edition: number;
  status: Report["status"];
  publishedAt: string | null;
  changeNote: string | null;
}

/** The report for a reader: null when it does not exist, is another plan's, or is a draft the reader may not see. */
export function getReport(planId: number, reportId: number, canManage: boolean) {
  const db = getDb();
  const report = db.select().from(reports).where(eq(reports.id, reportId)).get();
  if (!report || report.planId !== planId || (report.status === "draft" && !canManage)) return null;
  const period = db.select().from(reportingPeriods).where(eq(reportingPeriods.id, report.periodId)).get()!;
  const editions: ReportEdition[] = db
    .select({ id: reports.id, edition: reports.edition, status: reports.status, publishedAt: reports.publishedAt, changeNote: reports.changeNote })
    .from(reports)
    .where(canManage ? eq(reports.periodId, report.periodId) : and(eq(reports.periodId, report.periodId), ne(reports.status, "draft")))
    .orderBy(asc(reports.edition))
    .all();
  return { report, period, editions, content: reportContent(report) };
}

/** The report in effect for the period before this one: the one to compare with. */
export function previousPublishedReport(report: Pick<Report, "planId">, periodStart: string): Report | null {
  return (
    getDb()
      .select({ report: reports })
      .from(reports)
      .innerJoin(reportingPeriods, eq(reportingPeriods.id, reports.periodId))
      .where(and(eq(reports.planId, report.planId), eq(reports.status, "published"), lt(reportingPeriods.startDate, periodStart)))
      .orderBy(desc(reportingPeriods.startDate))
      .limit(1)
      .get()?.report ?? null
  );
}

export function listAcknowledgements(reportId: number) {
  return getDb()
    .select({ userId: users.id, name: users.name, email: users.email, at: reportAcknowledgements.acknowledgedAt })
    .from(reportAcknowledgements)
    .innerJoin(users, eq(users.id, reportAcknowledgements.userId))
    .where(eq(reportAcknowledgements.reportId, reportId))
    .orderBy(asc(reportAcknowledgements.acknowledgedAt))
    .all();
}

export function acknowledgedAt(reportId: number, userId: number): string | null {
  return (
    getDb()
      .select({ at: reportAcknowledgements.acknowledgedAt })
      .from(reportAcknowledgements)
      .where(and(eq(reportAcknowledgements.reportId, reportId), eq(reportAcknowledgements.userId, userId)))
      .get()?.at ?? null
  );
}

export interface StatusChange {
  actionId: number;
  code: string;
  title: string;
  cluster: string | null;
  before: ActionStatus | null;
  after: ActionStatus;
  percentBefore: number | null;
  percentAfter: number;
}

/** Every action of a compiled report with the cluster it sits in (null for plan-level next steps). */
function actionsOf(c: CompiledReport): { action: ReportAction; cluster: string | null }[] {
  return [...c.clusters.flatMap((k) => k.actions.map((action) => ({ action, cluster: k.title }))), ...c.nextSteps.map((action) => ({ action, cluster: null }))];
}

/**
 * Per action, its status in this report against the previous one. Changed
 * actions first (in plan order), then the count of unchanged ones; an action
 * new since the previous report has no "before".
 */
export function compareReports(current: CompiledReport, previous: CompiledReport) {
  const before = new Map(actionsOf(previous).map(({ action }) => [action.id, action]));
  const changed: StatusChange[] = [];
  let unchanged = 0;
  for (const { action, cluster } of actionsOf(current)) {
    const old = before.get(action.id);
    if (old && old.status === action.status) {
      unchanged++;
      continue;
    }
    changed.push({ actionId: action.id, code: action.code, title: action.title ?? action.text, cluster, before: old?.status ?? null, after: action.status, percentBefore: old?.percentComplete ?? null, percentAfter: action.percentComplete });
  }
  return { changed, unchanged };
}

/** The page of a report, for redirects after a change. */
export function reportHref(reportId: number): string {
  const row = getDb().select({ slug: plans.slug }).from(reports).innerJoin(plans, eq(plans.id, reports.planId)).where(eq(reports.id, reportId)).get();
  return row ? `/plans/${row.slug}/reports/${reportId}` : "/";
}
