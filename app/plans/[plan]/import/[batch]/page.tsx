import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { CommitImportForm } from "@/components/imports/commit-form";
import { outcomeCounts, ProblemTable, RowTable } from "@/components/imports/batch-preview";
import { requirePermission } from "@/lib/auth/guards";
import { requireUser } from "@/lib/auth/session";
import { formatCount, plural } from "@/lib/format";
import { IMPORT_KIND_LABELS } from "@/lib/imports/columns";
import { getImportBatch } from "@/lib/imports/queries";
import { loadPlanOr404 } from "@/lib/plans/load";
import { commitImportAction } from "../actions";

export const metadata: Metadata = { title: "Import preview" };

type Props = { params: Promise<{ plan: string; batch: string }> };

const stamp = (iso: string) => `${iso.replace("T", " ").slice(0, 16)} UTC`;

// "record 3 values, correct 1 value, leave 2 unchanged values alone": what a measurements file will do, or did.
function measurementCounts(counts: { created: number; changed: number; unchanged: number; skipped: number }, [record, correct, leave, skip]: [string, string, string, string]) {
  return [
    counts.created && `${record} ${plural(counts.created, "value")}`,
    counts.changed && `${correct} ${plural(counts.changed, "value")}`,
    counts.unchanged && `${leave} ${plural(counts.unchanged, "unchanged value")} alone`,
    counts.skipped && `${skip} ${plural(counts.skipped, "history row")} (earlier, corrected values)`,
  ]
    .filter(Boolean)
    .join(", ");
}

export default async function ImportBatchPage({ params }: Props) {
  const { plan: slug, batch: raw } = await params;
  const plan = await loadPlanOr404(slug);
  requirePermission(await requireUser(), "plan.import");
  const batch = /^\d{1,12}$/.test(raw) ? getImportBatch(Number(raw)) : null;
  if (!batch || batch.planId !== plan.id) notFound();

  const base = `/plans/${plan.slug}/import`;
  const counts = outcomeCounts(batch);
  const what =
    batch.kind === "actions"
      ? [counts.created && `create ${plural(counts.created, "action")}`, counts.changed && `change ${plural(counts.changed, "action")}`, counts.unchanged && `leave ${plural(counts.unchanged, "action")} as they are`].filter(Boolean).join(", ")
      : batch.kind === "measurements"
        ? measurementCounts(counts, ["record", "correct", "leave", "skip"])
        : [counts.created && `add ${plural(counts.created, "update")}`, counts.changed && `replace ${plural(counts.changed, "existing update")}`].filter(Boolean).join(" and ");

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <ol className="flex flex-wrap gap-1 text-slate-700">
          <li>
            <Link href={base}>Import</Link> /
          </li>
          <li aria-current="page">{batch.fileName}</li>
        </ol>
      </nav>
      <header className="space-y-1">
        <h1>Preview of {batch.fileName}</h1>
        <p className="text-sm text-slate-700">
          {IMPORT_KIND_LABELS[batch.kind]}
          {batch.periodLabel ? `: ${batch.periodLabel}` : ""} · {plural(batch.rows.length, "row")} · checked {stamp(batch.createdAt)}
          {batch.createdByName ? ` by ${batch.createdByName}` : ""}
        </p>
      </header>

      {batch.committedAt ? (
        <div role="status" className="rounded border border-green-300 bg-green-50 p-4 text-green-900">
          <p className="font-medium">Imported at {stamp(batch.committedAt)}.</p>
          <p className="mt-1 text-sm">
            {batch.kind === "actions" ? (
              <Link href={`/plans/${plan.slug}/actions`}>See the actions</Link>
            ) : batch.kind === "measurements" ? (
              <>
                The import {measurementCounts(counts, ["recorded", "corrected", "left", "skipped"])}. <Link href={`/plans/${plan.slug}/metrics`}>See the metrics</Link>.
              </>
            ) : (
              <>The imported updates are accepted and the actions&apos; status follows them.</>
            )}{" "}
            <Link href={base}>Import another file</Link>.
          </p>
        </div>
      ) : batch.errors.length > 0 ? (
        <div role="status" className="rounded border border-red-300 bg-red-50 p-4 text-red-900">
          <p className="font-medium">
            {formatCount(batch.errors.length)} problem{batch.errors.length === 1 ? "" : "s"} found: nothing from this file can be imported.
          </p>
          <p className="mt-1 text-sm">
            Nothing was written. Fix the rows listed below in your file and <Link href={base}>upload it again</Link>.
          </p>
        </div>
      ) : (
        <section aria-labelledby="commit-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="commit-heading">No problems found</h2>
          <p className="text-slate-800">Nothing has been written yet. Importing will {what}, all in one go: if anything has changed in the plan since this check, nothing is imported and you are told why.</p>
          <CommitImportForm action={commitImportAction} plan={plan.slug} batchId={batch.id} label={`Import ${plural(batch.rows.length, "row")}`} />
        </section>
      )}

      {batch.errors.length > 0 && (
        <section aria-labelledby="problems-heading" className="space-y-3">
          <h2 id="problems-heading">Problems</h2>
          <ProblemTable errors={batch.errors} />
        </section>
      )}

      <section aria-labelledby="rows-heading" className="space-y-3">
        <h2 id="rows-heading">Rows</h2>
        <RowTable batch={batch} />
      </section>
    </div>
  );
}
