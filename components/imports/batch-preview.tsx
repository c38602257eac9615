import { excerpt } from "@/components/actions/action-table";
import type { ImportBatchView } from "@/lib/imports/queries";
import { parseStatus } from "@/lib/imports/updates-import";
import type { ImportError } from "@/lib/imports/schema";
import { STATUS_LABELS, formatCount } from "@/lib/format";
import { formatExact } from "@/lib/metrics/units";

// Tables of a checked file: its problems, and what each row would do.

const SHOWN_ROWS = 500;
const tableClass = "w-full min-w-[40rem] text-left text-sm [&_td]:px-3 [&_td]:py-2 [&_th]:px-3 [&_th]:py-2";
const headClass = "bg-slate-100 text-xs text-slate-800 uppercase";

function Region({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

export function ProblemTable({ errors }: { errors: ImportError[] }) {
  const shown = errors.slice(0, SHOWN_ROWS);
  return (
    <>
      <Region label="Problems">
        <table className={tableClass}>
          <caption className="sr-only">Problems found in the file, by row</caption>
          <thead className={headClass}>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {shown.map((e, i) => (
              <tr key={i} className="align-top">
                <td className="whitespace-nowrap">{e.row}</td>
                <td className="whitespace-nowrap">{e.column}</td>
                <td>{e.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Region>
      {errors.length > shown.length && <p className="text-sm text-slate-700">The first {formatCount(shown.length)} of {formatCount(errors.length)} problems are shown.</p>}
    </>
  );
}

const MEASUREMENT_OUTCOME_TEXT = {
  record: "Record the value",
  unchanged: "Nothing: the same value is recorded",
  history: "Skip: an earlier, corrected value",
} as const;

export function outcomeCounts(batch: ImportBatchView) {
  if (batch.kind === "actions") {
    const created = batch.rows.filter((r) => !r.existing).length;
    const changed = batch.rows.filter((r) => r.existing && r.changes.length > 0).length;
    return { created, changed, unchanged: batch.rows.length - created - changed, skipped: 0 };
  }
  if (batch.kind === "measurements") {
    const count = (outcome: string) => batch.rows.filter((r) => r.outcome === outcome).length;
    return { created: count("record"), changed: count("correct"), unchanged: count("unchanged"), skipped: count("history") };
  }
  const created = batch.rows.filter((r) => !r.existing).length;
  return { created, changed: batch.rows.length - created, unchanged: 0, skipped: 0 };
}

type BatchOf<K extends ImportBatchView["kind"]> = Extract<ImportBatchView, { kind: K }>;
type Outcome = (row: number, ok: string) => string;

function ActionRows({ batch, outcome }: { batch: BatchOf<"actions">; outcome: Outcome }) {
  return (
    <>
      <thead className={headClass}>
        <tr>
          <th scope="col">Row</th>
          <th scope="col">Code</th>
          <th scope="col">Importing would</th>
          <th scope="col">Title</th>
          <th scope="col">Text</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200">
        {batch.rows.slice(0, SHOWN_ROWS).map((r) => (
          <tr key={r.row} className="align-top">
            <td>{r.row}</td>
            <td className="font-mono text-xs whitespace-nowrap">{r.values.code}</td>
            <td>{outcome(r.row, !r.existing ? "Create the action" : r.changes.length ? `Change ${r.changes.join(", ")}` : "Change nothing")}</td>
            <td>{r.values.title ?? ""}</td>
            <td>{excerpt(r.values.text ?? "", 160)}</td>
          </tr>
        ))}
      </tbody>
    </>
  );
}

function UpdateRows({ batch, outcome }: { batch: BatchOf<"updates">; outcome: Outcome }) {
  return (
    <>
      <thead className={headClass}>
        <tr>
          <th scope="col">Row</th>
          <th scope="col">Action</th>
          <th scope="col">Importing would</th>
          <th scope="col">Status</th>
          <th scope="col">Complete</th>
          <th scope="col">Narrative</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200">
        {batch.rows.slice(0, SHOWN_ROWS).map((r) => {
          const status = parseStatus(r.values.status ?? "");
          return (
            <tr key={r.row} className="align-top">
              <td>{r.row}</td>
              <td className="font-mono text-xs whitespace-nowrap">{r.actionId ? <a href={`/actions/${r.actionId}`}>{r.values.actionCode}</a> : r.values.actionCode}</td>
              <td>{outcome(r.row, r.existing ? `Replace the ${r.existing.reviewState} update` : "Add the update")}</td>
              <td>{status ? STATUS_LABELS[status] : r.values.status}</td>
              <td>{r.values.percentComplete}</td>
              <td>{excerpt(r.values.narrative ?? "", 160)}</td>
            </tr>
          );
        })}
      </tbody>
    </>
  );
}

function MeasurementRows({ batch, outcome }: { batch: BatchOf<"measurements">; outcome: Outcome }) {
  return (
    <>
      <thead className={headClass}>
        <tr>
          <th scope="col">Row</th>
          <th scope="col">Metric</th>
          <th scope="col">Period</th>
          <th scope="col">Importing would</th>
          <th scope="col">Value</th>
          <th scope="col">Note</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200">
        {batch.rows.slice(0, SHOWN_ROWS).map((r) => (
          <tr key={r.row} className="align-top">
            <td>{r.row}</td>
            <td className="font-mono text-xs whitespace-nowrap">{r.values.metricKey}</td>
            <td className="whitespace-nowrap">{r.period ?? r.values.period}</td>
            <td>{outcome(r.row, r.outcome === "correct" ? `Correct the recorded ${formatExact(r.existing!.value)}` : r.outcome ? MEASUREMENT_OUTCOME_TEXT[r.outcome] : "Has problems")}</td>
            <td className="whitespace-nowrap">{r.values.value}</td>
            <td>{excerpt(r.values.note ?? "", 160)}</td>
          </tr>
        ))}
      </tbody>
    </>
  );
}

export function RowTable({ batch }: { batch: ImportBatchView }) {
  const badRows = new Set(batch.errors.map((e) => e.row));
  const outcome: Outcome = (row, ok) => (badRows.has(row) ? "Has problems" : ok);
  return (
    <>
      <Region label="Rows of the file">
        <table className={tableClass}>
          <caption className="sr-only">Rows of the file and what importing each would do</caption>
          {batch.kind === "actions" ? <ActionRows batch={batch} outcome={outcome} /> : batch.kind === "updates" ? <UpdateRows batch={batch} outcome={outcome} /> : <MeasurementRows batch={batch} outcome={outcome} />}
        </table>
      </Region>
      {batch.rows.length > SHOWN_ROWS && <p className="text-sm text-slate-700">The first {formatCount(SHOWN_ROWS)} of {formatCount(batch.rows.length)} rows are shown.</p>}
    </>
  );
}
