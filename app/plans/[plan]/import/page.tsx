import type { Metadata } from "next";
import { ColumnHelp } from "@/components/imports/column-help";
import { ImportUploadForm } from "@/components/imports/upload-form";
import { requirePermission } from "@/lib/auth/guards";
import { requireUser } from "@/lib/auth/session";
import { formatCount } from "@/lib/format";
import { IMPORT_KIND_LABELS, IMPORT_KINDS } from "@/lib/imports/columns";
import { listImportBatches } from "@/lib/imports/queries";
import { listPeriods } from "@/lib/periods/queries";
import { loadPlanOr404 } from "@/lib/plans/load";
import { SPREADSHEET_LIMITS } from "@/lib/spreadsheets/limits";
import { previewImportAction } from "./actions";

export const metadata: Metadata = { title: "Import from a spreadsheet" };

type Props = { params: Promise<{ plan: string }> };

export default async function ImportPage({ params }: Props) {
  const plan = await loadPlanOr404((await params).plan);
  requirePermission(await requireUser(), "plan.import");
  const periods = listPeriods(plan.id);
  const batches = listImportBatches(plan.id);
  const base = `/plans/${plan.slug}/import`;

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1>Import from a spreadsheet</h1>
        <p className="max-w-3xl text-slate-800">
          Create or change actions, load one quarter&apos;s progress updates, or record metric measurements, from a CSV or Excel file. It takes three steps: upload the file; check the preview, which lists every row and every problem with its row and column; then import it. A file is imported whole or not at all, and
          nothing is written before that last step.
        </p>
      </header>

      <section aria-labelledby="upload-heading" className="space-y-3">
        <h2 id="upload-heading">Upload a file</h2>
        <ImportUploadForm
          action={previewImportAction}
          plan={plan.slug}
          periods={periods.map((p) => ({ id: p.id, label: p.label, status: p.status }))}
          currentPeriodId={periods.find((p) => p.isCurrent)?.id ?? null}
          maxBytes={SPREADSHEET_LIMITS.maxBytes}
          maxRows={SPREADSHEET_LIMITS.maxRows}
        />
        <p className="max-w-3xl text-sm text-slate-700">
          Imported progress updates go in as <strong>accepted</strong> (they are figures staff have already reviewed), replacing any update the action has for that quarter; the audit log keeps what they replaced.
        </p>
        <p className="max-w-3xl text-sm text-slate-700">
          Metric measurements are recorded as entered by you, with the same checks as the measurement form. To change a value a period already has, fill in its correction note: the earlier value stays in the metric&apos;s history. Rows equal to the values already recorded are skipped,
          so importing the same file again changes nothing.
        </p>
      </section>

      {batches.length > 0 && (
        <section aria-labelledby="recent-heading" className="space-y-3">
          <h2 id="recent-heading">Recent files</h2>
          <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-label="Recent files" tabIndex={0}>
            <table className="w-full min-w-[40rem] text-left text-sm [&_td]:px-3 [&_td]:py-2 [&_th]:px-3 [&_th]:py-2">
              <caption className="sr-only">Recently uploaded files, newest first</caption>
              <thead className="bg-slate-100 text-xs text-slate-800 uppercase">
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Holds</th>
                  <th scope="col">Uploaded</th>
                  <th scope="col">Rows</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {batches.map((b) => (
                  <tr key={b.id}>
                    <td>
                      <a href={`${base}/${b.id}`}>{b.fileName}</a>
                    </td>
                    <td>
                      {IMPORT_KIND_LABELS[b.kind]}
                      {b.periodLabel ? `: ${b.periodLabel}` : ""}
                    </td>
                    <td>
                      {b.createdAt.replace("T", " ").slice(0, 16)} UTC{b.createdByName ? ` by ${b.createdByName}` : ""}
                    </td>
                    <td>{formatCount(b.rowCount)}</td>
                    <td>{b.committedAt ? "Imported" : b.errorCount > 0 ? `${formatCount(b.errorCount)} problem${b.errorCount === 1 ? "" : "s"}` : "Checked, not imported"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      <section aria-labelledby="columns-heading" className="space-y-4">
        <h2 id="columns-heading">The columns, and templates</h2>
        <p className="max-w-3xl text-sm text-slate-800">
          The first row of the file names the columns (in any order; case and spaces do not matter). A column the import does not know refuses the whole file, so that a misspelt header never drops data silently. Each template has the header row and one example row to replace; the Excel template
          also explains each column on a second sheet.
        </p>
        {IMPORT_KINDS.map((kind) => (
          <ColumnHelp key={kind} kind={kind} templateHref={`${base}/template`} />
        ))}
      </section>
    </div>
  );
}
