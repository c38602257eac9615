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

// One preview table: a header row and the first SHOWN_ROWS rows, each as cells.
function PreviewRows<R extends { row: number }>({ headers, rows, cells }: { headers: string[]; rows: R[]; cells: (r: R) => React.ReactNode[] }) {
  return (
    <>
      <thead className={headClass}>
        <tr>
          {headers.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200">
        {rows.slice(0, SHOWN_ROWS).map((r) => (
          <tr key={r.row} className="align-top">
            {cells(r).map((cell, i) => (
              <td key={headers[i]}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </>
  );
}

const code = (text: React.ReactNode) => <span className="font-mono text-xs whitespace-nowrap">{text}</span>;

function ActionRows({ batch, outcome }: { batch: BatchOf<"actions">; outcome: Outcome }) {
  return (
    <PreviewRows
      headers={["Row", "Code", "Importing would", "Title", "Text"]}
      rows={batch.rows}
      cells={(r) => [r.row, code(r.values.code), outcome(r.row, !r.existing ? "Create the action" : r.changes.length ? `Change ${r.changes.join(", ")}` : "Change nothing"), r.values.title ?? "", excerpt(r.values.text ?? "", 160)]}
    />
  );
}

function UpdateRows({ batch, outcome }: { batch: BatchOf<"updates">; outcome: Outcome }) {
  return (
    <PreviewRows
      headers={["Row", "Action", "Importing would", "Status", "Complete", "Narrative"]}
      rows={batch.rows}
      cells={(r) => {
        const status = parseStatus(r.values.status ?? "");
        return [
          r.row,
          code(r.actionId ? <a href={`/actions/${r.actionId}`}>{r.values.actionCode}</a> : r.values.actionCode),
          outcome(r.row, r.existing ? `Replace the ${r.existing.reviewState} update` : "Add the update"),
          status ? STATUS_LABELS[status] : r.values.status,
          r.values.percentComplete,
          excerpt(r.values.narrative ?? "", 160),
        ];
      }}
    />
  );
}

function MeasurementRows({ batch, outcome }: { batch: BatchOf<"measurements">; outcome: Outcome }) {
  return (
    <PreviewRows
      headers={["Row", "Metric", "Period", "Importing would", "Value", "Note"]}
      rows={batch.rows}
      cells={(r) => [
        r.row,
        code(r.values.metricKey),
        <span key="period" className="whitespace-nowrap">{r.period ?? r.values.period}</span>,
        outcome(r.row, r.outcome === "correct" ? `Correct the recorded ${formatExact(r.existing!.value)}` : r.outcome ? MEASUREMENT_OUTCOME_TEXT[r.outcome] : "Has problems"),
        <span key="value" className="whitespace-nowrap">{r.values.value}</span>,
        excerpt(r.values.note ?? "", 160),
      ]}
    />
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
