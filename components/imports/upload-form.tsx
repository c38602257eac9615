"use client";

import { useActionState, useState } from "react";
import { FormMessage, fieldError, inputClass } from "@/components/forms/fields";
import type { FormState } from "@/lib/forms/form-action";
import { IMPORT_KIND_LABELS, IMPORT_KINDS } from "@/lib/imports/columns";
import { formatMegabytes } from "@/lib/spreadsheets/limits";

type Action = (s: FormState, f: FormData) => Promise<FormState>;

export function ImportUploadForm({
  action,
  plan,
  periods,
  currentPeriodId,
  maxBytes,
  maxRows,
}: {
  action: Action;
  plan: string;
  periods: { id: number; label: string; status: string }[];
  currentPeriodId: number | null;
  maxBytes: number;
  maxRows: number;
}) {
  const [state, submit, pending] = useActionState(action, null);
  // A file over the limit is refused here too, before it is sent.
  const [tooBig, setTooBig] = useState<string | null>(null);
  const typed = state && !state.ok ? state.values : undefined;
  const kindError = fieldError(state, "kind");
  const periodError = fieldError(state, "periodId");
  const fileError = tooBig ?? fieldError(state, "file");
  const limits = `CSV saved as UTF-8, or an Excel workbook (.xlsx; the first sheet is read). At most ${formatMegabytes(maxBytes)} and ${maxRows.toLocaleString("en-US")} rows.`;

  return (
    <form action={submit} key={JSON.stringify(state)} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <input type="hidden" name="plan" value={plan} />
      <fieldset aria-describedby={kindError ? "import-kind-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">The file holds</legend>
        <div className="mt-1 flex flex-wrap gap-x-6 gap-y-2">
          {IMPORT_KINDS.map((k) => (
            <div key={k} className="flex items-center gap-2">
              <input id={`import-kind-${k}`} type="radio" name="kind" value={k} defaultChecked={typed?.kind === k} required className="h-4 w-4" />
              <label htmlFor={`import-kind-${k}`} className="text-sm">
                {IMPORT_KIND_LABELS[k]}
              </label>
            </div>
          ))}
        </div>
        {kindError && (
          <p id="import-kind-error" className="mt-1 text-sm text-red-800">
            {kindError}
          </p>
        )}
      </fieldset>
      <div>
        <label htmlFor="import-period" className="block text-sm font-medium text-slate-800">
          Quarter (for progress updates)
        </label>
        <select
          id="import-period"
          name="periodId"
          defaultValue={typed?.periodId ?? (currentPeriodId === null ? "" : String(currentPeriodId))}
          aria-invalid={periodError ? true : undefined}
          aria-describedby={periodError ? "import-period-error" : undefined}
          className={`${inputClass} max-w-xs`}
        >
          <option value="">Choose a quarter</option>
          {periods.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label} ({p.status}
              {p.id === currentPeriodId ? ", current" : ""})
            </option>
          ))}
        </select>
        {periodError && (
          <p id="import-period-error" className="mt-1 text-sm text-red-800">
            {periodError}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="import-file" className="block text-sm font-medium text-slate-800">
          Spreadsheet file
        </label>
        <p id="import-file-hint" className="text-xs text-slate-700">
          {limits}
        </p>
        <input
          id="import-file"
          name="file"
          type="file"
          required
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? "import-file-hint import-file-error" : "import-file-hint"}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            const message = file && file.size > maxBytes ? `The file is ${formatMegabytes(file.size)}; the limit is ${formatMegabytes(maxBytes)}.` : null;
            e.currentTarget.setCustomValidity(message ?? "");
            setTooBig(message);
          }}
          className="mt-1 block text-sm"
        />
        {fileError && (
          <p id="import-file-error" className="mt-1 text-sm text-red-800">
            {fileError}
          </p>
        )}
      </div>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className="rounded bg-blue-800 px-4 py-2 text-sm font-medium text-white hover:bg-blue-900 disabled:opacity-70">
        {pending ? "Checking…" : "Check the file"}
      </button>
      <p className="text-xs text-slate-700">Checking writes nothing to the plan: you see every row and every problem first.</p>
    </form>
  );
}
