import { saveUpdateAction } from "@/app/updates/actions";
import { StatusBadge } from "@/components/ui/status-badge";
import type { ReportingPeriod } from "@/db/schema";
import { MAX_ATTACHMENTS_PER_UPDATE } from "@/lib/attachments/limits";
import { STATUS_LABELS } from "@/lib/format";
import type { MyQuarterRow } from "@/lib/updates/queries";
import { ReturnedNote, updateFormValues } from "./form-values";
import { ReviewStateBadge } from "./review-state-badge";
import { QuarterRowForm } from "./quarter-row-form";

// One action on "My quarter": what it said last period, where this period's
// update stands, and the form to write it (opened by the page's choice).
// `children` follow the form: the page puts the action's metrics there.
export function MyQuarterRowCard({ row, period, previousLabel, initiallyOpen, children }: { row: MyQuarterRow; period: ReportingPeriod; previousLabel?: string; initiallyOpen: boolean; children?: React.ReactNode }) {
  const u = row.update;
  const name = `${row.code}: ${row.title ?? row.text.slice(0, 80)}`;
  const done = u?.reviewState === "submitted" || u?.reviewState === "accepted";
  return (
    <li id={`action-${row.id}`} className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <p className="font-medium">
            <a href={`/actions/${row.id}`}>{name}</a>
          </p>
          <p className="mt-1 text-sm text-slate-700">
            {previousLabel ? (
              row.previousStatus ? (
                <>
                  Last period ({previousLabel}): {STATUS_LABELS[row.previousStatus]}, {row.previousPercent}%{row.previousState === "returned" ? " (returned)" : row.previousState === "draft" ? " (never submitted)" : ""}
                </>
              ) : (
                <>Last period ({previousLabel}): no update</>
              )
            ) : (
              "First reporting period"
            )}
            {" · now "}
            <StatusBadge status={row.status} />
          </p>
        </div>
        <div>{u ? <ReviewStateBadge state={u.reviewState} /> : <span className="badge bg-white text-slate-800 ring-slate-400">Not updated yet</span>}</div>
      </div>
      <ReturnedNote update={u} className="mt-2" />
      <QuarterRowForm
        initiallyOpen={initiallyOpen}
        done={done}
        code={row.code}
        form={{
          action: saveUpdateAction,
          actionId: row.id,
          periodId: period.id,
          periodLabel: period.label,
          idPrefix: `a${row.id}`,
          actionLabel: row.code,
          attachmentsRemaining: MAX_ATTACHMENTS_PER_UPDATE - row.attachments.length,
          current: updateFormValues(u, row),
        }}
      />
      {children}
    </li>
  );
}
