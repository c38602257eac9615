"use client";

import { SubmitButton } from "@/components/forms/fields";
import { EditMessage, SelectField, TextArea, TextInput, type Option } from "@/components/forms/edit-fields";
import { useEditForm } from "@/components/forms/use-edit-form";
import type { FormState } from "@/lib/forms/form-action";

type ServerAction = (state: FormState, form: FormData) => Promise<FormState>;

const CODES_HINT = "One code per line, or several separated by commas. A code may be followed by its title, which is ignored. Use 2 to 6 digits (11, 3114, 311421); 31, 44 and 48 are saved as BLS's 31-33, 44-45 and 48-49.";
// Empty rows offered after the stored components, for adding new ones.
const SPARE_ROWS = 2;

// The highest components.<n> index among the given values.
const lastRow = (...sets: (Record<string, string> | undefined)[]) =>
  Math.max(
    -1,
    ...sets.flatMap((values) =>
      Object.keys(values ?? {})
        .map((k) => /^components\.(\d+)\./.exec(k)?.[1])
        .filter(Boolean)
        .map(Number),
    ),
  );

// A cluster's definition: note, the metric it feeds, the codes of the cluster
// as a whole and each value-chain component's codes. Fields match
// saveClusterDefinitionSchema; errors are shown under the text area holding the code.
export function DefinitionForm({ action, sectionId, version, values, metrics, submitLabel }: { action: ServerAction; sectionId: number; version: number; values: Record<string, string>; metrics: Option[]; submitLabel: string }) {
  const f = useEditForm(action, { version, values });
  const typed = f.state && !f.state.ok ? f.state.values : undefined;
  const theirs = f.state && !f.state.ok ? f.state.conflict?.current : undefined;
  const rows = Math.max(lastRow(values, theirs) + 1 + SPARE_ROWS, lastRow(typed) + 1);
  return (
    <form action={f.submit} key={f.key} className="space-y-5">
      <input type="hidden" name="sectionId" value={sectionId} />
      <input type="hidden" name="version" value={f.version} />
      <TextArea f={f} name="note" label="Note" rows={4} hint="Why the cluster is drawn this way: shown on the cluster's page under its industries." />
      <SelectField f={f} name="metricId" label="Metric it feeds" empty="None" options={metrics} hint="After each import, the cluster's annual employment is recorded in this annual metric of the plan." />
      <TextArea f={f} name="codes" label="Codes of the cluster as a whole" rows={4} hint={`Codes that belong to no single value-chain component. ${CODES_HINT}`} />
      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">Value-chain components</legend>
        <p className="text-sm text-slate-700">Optional. A code belongs to one component only, and is never listed together with a code above it (311 already holds 3114). To remove a component, clear its codes; to add one, fill an empty row.</p>
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} role="group" aria-label={`Component ${i + 1}`} className="grid gap-3 rounded border border-slate-200 p-3 sm:grid-cols-3">
            <TextInput f={f} name={`components.${i}.name`} label={`Name of component ${i + 1}`} />
            <div className="sm:col-span-2">
              <TextArea f={f} name={`components.${i}.codes`} label={`Codes of component ${i + 1}`} rows={4} hint={i === 0 ? CODES_HINT : undefined} />
            </div>
          </div>
        ))}
      </fieldset>
      <EditMessage f={f} />
      <SubmitButton pending={f.pending}>{submitLabel}</SubmitButton>
    </form>
  );
}

// Stops the section being a cluster, carrying the version the page showed.
export function RemoveDefinitionButton({ action, sectionId, version, what }: { action: ServerAction; sectionId: number; version: number; what: string }) {
  const f = useEditForm(action, { version, values: {} });
  return (
    <div>
      <form action={f.submit}>
        <input type="hidden" name="sectionId" value={sectionId} />
        <input type="hidden" name="version" value={f.version} />
        <button type="submit" disabled={f.pending} className="rounded border border-red-700 bg-white px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50 disabled:opacity-60">
          Remove the definition<span className="sr-only"> of {what}</span>
        </button>
      </form>
      {f.state && !f.state.ok && (
        <div className="mt-1 max-w-md">
          <EditMessage f={f} />
        </div>
      )}
    </div>
  );
}
