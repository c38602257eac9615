import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { dataDirectory, getDb } from "@/db";
import { plans } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { fileNamePart } from "@/lib/spreadsheets/response";
import { buildReportDocument, type ReportDocument } from "./document";
import { renderReportPdfOffThread } from "./pdf-thread";
import { getReport } from "./queries";
import { renderReportXlsx } from "./xlsx";

// The report's downloads. They are authorised like the report page (a draft
// only for staff), named by the server, and drawn from the frozen snapshot,
// so a published edition always gives the same file. That file is rendered
// once and kept under DATA_DIR/reports/<id>-<edition>.<kind>; a draft's file
// is rendered fresh each time (it is a preview of a moving target).

export const REPORT_FILE_KINDS = ["pdf", "xlsx"] as const;
export type ReportFileKind = (typeof REPORT_FILE_KINDS)[number];

export const REPORT_CONTENT_TYPES: Record<ReportFileKind, string> = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

const render: Record<ReportFileKind, (doc: ReportDocument) => Promise<Buffer>> = { pdf: renderReportPdfOffThread, xlsx: renderReportXlsx };

export function reportsDirectory(): string {
  return path.join(dataDirectory(), "reports");
}

// One render per file at a time: ten board members opening a new report at
// once share one rendering rather than starting ten.
const inFlight = new Map<string, Promise<Buffer>>();

async function cached(file: string, make: () => Promise<Buffer>): Promise<Buffer> {
  try {
    return await fs.promises.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  let pending = inFlight.get(file);
  if (!pending) {
    pending = (async () => {
      const bytes = await make();
      await fs.promises.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      // Written under a temporary name and renamed, so a reader never sees half a file.
      const partial = `${file}.${process.pid}.partial`;
      await fs.promises.writeFile(partial, bytes, { mode: 0o600 });
      await fs.promises.rename(partial, file);
      return bytes;
    })().finally(() => inFlight.delete(file));
    inFlight.set(file, pending);
  }
  return pending;
}

export async function reportFile(actor: Actor, planSlug: string, reportId: number, kind: ReportFileKind): Promise<{ bytes: Buffer; fileName: string }> {
  authorize(actor, "plan.read");
  const plan = getDb().select({ id: plans.id, slug: plans.slug }).from(plans).where(eq(plans.slug, planSlug)).get();
  const view = plan && Number.isInteger(reportId) ? getReport(plan.id, reportId, can(actor, "report.manage")) : null;
  if (!plan || !view) throw new AppError("NOT_FOUND", "No such report.");
  const { report, content } = view;
  const draft = report.status === "draft";
  const fileName = `${fileNamePart(`${plan.slug} report ${content.compiled.period.label}`)}${report.edition > 1 ? `-v${report.edition}` : ""}${draft ? "-draft" : ""}.${kind}`;
  const make = () => render[kind](buildReportDocument(content));
  const bytes = draft ? await make() : await cached(path.join(reportsDirectory(), `${report.id}-${report.edition}.${kind}`), make);
  return { bytes, fileName };
}
