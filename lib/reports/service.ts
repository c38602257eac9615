import { and, eq, max } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { plans, reportAcknowledgements, reports, type Report } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { assertWritten } from "@/lib/editing/conflict";
import { AppError } from "@/lib/errors";
import { getPeriod } from "@/lib/periods/queries";
import { compileReport } from "./compile";
import { featurableUpdates } from "./document";
import type { CompiledReport } from "./compiled";
import { acknowledgeReportSchema, createReportSchema, publishReportSchema, REPORT_SECTIONS, refreshReportSchema, reportTextsSchema, supersedeReportSchema, updateReportSchema, type ReportTexts } from "./schema";

// The report's life: staff create a draft for a period (compiled from the
// data at once), write its texts, refresh its data on demand (texts are kept),
// and publish it. Publishing freezes everything the report shows into the
// snapshot; a published report is never changed again. A correction is a new
// draft edition of the same period that, once published, supersedes it.

export interface ReportSnapshot {
  title: string;
  edition: number;
  publishedAt: string;
  changeNote: string | null;
  texts: ReportTexts;
  featuredUpdateIds: number[];
  sectionOrder: string[];
  compiled: CompiledReport;
}

const now = () => new Date().toISOString();
const userId = (actor: Actor) => (actor.kind === "user" ? actor.userId : null);

function loadReport(tx: Tx, id: number): Report {
  const report = tx.select().from(reports).where(eq(reports.id, id)).get();
  if (!report) throw new AppError("NOT_FOUND", "No such report.");
  return report;
}

function loadDraft(tx: Tx, id: number, version: number): Report {
  const report = loadReport(tx, id);
  if (report.status !== "draft") throw new AppError("CONFLICT", "This report is published and can no longer change. To correct it, publish a new version.");
  if (report.version !== version) throw new AppError("CONFLICT", "Someone else changed this draft after you opened it. Reload it to see their change, then make yours again.");
  return report;
}

export function createReportDraft(actor: Actor, input: unknown) {
  const data = createReportSchema.parse(input);
  authorize(actor, "report.manage");
  return getDb().transaction((tx) => {
    const period = getPeriod(data.periodId, tx);
    if (!period) throw new AppError("NOT_FOUND", "No such reporting period.");
    const existing = tx.select({ id: reports.id, status: reports.status }).from(reports).where(eq(reports.periodId, period.id)).all();
    if (existing.some((r) => r.status === "draft")) throw new AppError("CONFLICT", `${period.label} already has a draft report; open it instead.`);
    if (existing.some((r) => r.status === "published")) throw new AppError("CONFLICT", `${period.label} already has a published report. To correct it, publish a new version of that report.`);
    const plan = tx.select({ title: plans.title }).from(plans).where(eq(plans.id, period.planId)).get()!;
    const compiled = compileReport(period.id);
    const row = tx
      .insert(reports)
      .values({
        planId: period.planId,
        periodId: period.id,
        title: data.title ?? `${plan.title}: progress report, ${period.label}`,
        sectionOrder: JSON.stringify(REPORT_SECTIONS),
        compiled: JSON.stringify(compiled),
        compiledAt: compiled.compiledAt,
        createdById: userId(actor),
      })
      .returning()
      .get();
    recordAudit(tx, actor, { action: "report.create", entityType: "report", entityId: row.id, after: { periodId: period.id, title: row.title } });
    return row;
  });
}

// New figures from the live data; the staff's texts and choices stay.
export function refreshReportDraft(actor: Actor, input: unknown) {
  const data = refreshReportSchema.parse(input);
  authorize(actor, "report.manage");
  return getDb().transaction((tx) => {
    const report = loadDraft(tx, data.reportId, data.version);
    const compiled = compileReport(report.periodId);
    const result = tx
      .update(reports)
      .set({ compiled: JSON.stringify(compiled), compiledAt: compiled.compiledAt, version: report.version + 1, updatedAt: now() })
      .where(and(eq(reports.id, report.id), eq(reports.version, data.version)))
      .run();
    assertWritten(result, "report");
    recordAudit(tx, actor, { action: "report.refresh", entityType: "report", entityId: report.id, after: { compiledAt: compiled.compiledAt } });
    return { version: report.version + 1 };
  });
}

export function updateReportDraft(actor: Actor, input: unknown) {
  const data = updateReportSchema.parse(input);
  authorize(actor, "report.manage");
  return getDb().transaction((tx) => {
    const report = loadDraft(tx, data.reportId, data.version);
    // Only narratives the report prints (accepted for this period) can be featured.
    const printable = new Set(featurableUpdates(JSON.parse(report.compiled!) as CompiledReport).map((a) => a.update!.id));
    const unknown = data.featuredUpdateIds.filter((id) => !printable.has(id));
    if (unknown.length) throw new AppError("INVALID_INPUT", "Feature only this period's accepted updates; refresh the data if one was accepted since.", { featuredUpdateIds: ["Feature only this period's accepted updates."] });
    const texts: ReportTexts = { introduction: data.introduction, highlights: data.highlights, asks: data.asks, clusterNotes: data.clusterNotes };
    const set = {
      title: data.title,
      texts: JSON.stringify(texts),
      featuredUpdateIds: JSON.stringify([...new Set(data.featuredUpdateIds)]),
      ...(data.sectionOrder ? { sectionOrder: JSON.stringify(data.sectionOrder) } : {}),
    };
    const result = tx
      .update(reports)
      .set({ ...set, version: report.version + 1, updatedAt: now() })
      .where(and(eq(reports.id, report.id), eq(reports.version, data.version)))
      .run();
    assertWritten(result, "report");
    recordAudit(tx, actor, { action: "report.update", entityType: "report", entityId: report.id, before: { title: report.title, texts: report.texts }, after: set });
    return { version: report.version + 1 };
  });
}

// Freezes the report: the draft's figures, with the texts, into the snapshot.
// The edition it corrects, if any, becomes superseded in the same transaction.
export function publishReport(actor: Actor, input: unknown) {
  const data = publishReportSchema.parse(input);
  authorize(actor, "report.manage");
  return getDb().transaction((tx) => {
    const report = loadDraft(tx, data.reportId, data.version);
    const publishedAt = now();
    const snapshot: ReportSnapshot = {
      title: report.title,
      edition: report.edition,
      publishedAt,
      changeNote: report.changeNote,
      // Stored texts may predate a field; the schema's defaults fill it in.
      texts: reportTextsSchema.parse(JSON.parse(report.texts)),
      featuredUpdateIds: JSON.parse(report.featuredUpdateIds),
      sectionOrder: JSON.parse(report.sectionOrder),
      // What the preview showed: the draft's figures as last compiled, not
      // figures read again now (the version check makes sure the publisher saw them).
      compiled: JSON.parse(report.compiled!) as CompiledReport,
    };
    if (report.supersedesId) {
      tx.update(reports).set({ status: "superseded", updatedAt: publishedAt }).where(and(eq(reports.id, report.supersedesId), eq(reports.status, "published"))).run();
    }
    const result = tx
      .update(reports)
      .set({ status: "published", snapshot: JSON.stringify(snapshot), publishedAt, publishedById: userId(actor), version: report.version + 1, updatedAt: publishedAt })
      .where(and(eq(reports.id, report.id), eq(reports.version, data.version)))
      .run();
    assertWritten(result, "report");
    recordAudit(tx, actor, { action: "report.publish", entityType: "report", entityId: report.id, after: { edition: report.edition, supersedes: report.supersedesId, publishedAt } });
    return { publishedAt };
  });
}

// A corrected version: a new draft edition with the published one's texts.
export function supersedeReport(actor: Actor, input: unknown) {
  const data = supersedeReportSchema.parse(input);
  authorize(actor, "report.manage");
  return getDb().transaction((tx) => {
    const published = loadReport(tx, data.reportId);
    if (published.status !== "published") throw new AppError("CONFLICT", "Only the published version of a report can be corrected.");
    if (tx.select({ id: reports.id }).from(reports).where(and(eq(reports.periodId, published.periodId), eq(reports.status, "draft"))).get()) {
      throw new AppError("CONFLICT", "A corrected version of this report is already in draft; open it instead.");
    }
    const last = tx.select({ edition: max(reports.edition) }).from(reports).where(eq(reports.periodId, published.periodId)).get()!.edition ?? published.edition;
    const compiled = compileReport(published.periodId);
    const row = tx
      .insert(reports)
      .values({
        planId: published.planId,
        periodId: published.periodId,
        title: published.title,
        edition: last + 1,
        supersedesId: published.id,
        texts: published.texts,
        featuredUpdateIds: published.featuredUpdateIds,
        sectionOrder: published.sectionOrder,
        compiled: JSON.stringify(compiled),
        compiledAt: compiled.compiledAt,
        changeNote: data.changeNote,
        createdById: userId(actor),
      })
      .returning()
      .get();
    recordAudit(tx, actor, { action: "report.supersede", entityType: "report", entityId: row.id, after: { supersedes: published.id, edition: row.edition, changeNote: data.changeNote } });
    return row;
  });
}

// A board member (any reader) acknowledges a published report, once.
export function acknowledgeReport(actor: Actor, input: unknown) {
  const data = acknowledgeReportSchema.parse(input);
  authorize(actor, "plan.read");
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "Only a person can acknowledge a report.");
  return getDb().transaction((tx) => {
    const report = loadReport(tx, data.reportId);
    if (report.status === "draft") throw new AppError("NOT_FOUND", "No such report.");
    const inserted = tx.insert(reportAcknowledgements).values({ reportId: report.id, userId: actor.userId }).onConflictDoNothing().run();
    if (inserted.changes === 0) return { acknowledged: false };
    recordAudit(tx, actor, { action: "report.acknowledge", entityType: "report", entityId: report.id });
    return { acknowledged: true };
  });
}
