"use client";

import { SubmitButton } from "@/components/forms/fields";
import { EditMessage, SelectField, TextArea, TextInput, type Option } from "@/components/forms/edit-fields";
import { useEditForm } from "@/components/forms/use-edit-form";
import type { FormState } from "@/lib/forms/form-action";

type ServerAction = (state: FormState, form: FormData) => Promise<FormState>;

export interface MetricFormChoices {
  scopes: Option[];
  sections: Option[];
  groups: Option[];
  groupOptional: boolean;
  actions: Option[];
  organizations: Option[];
}

const UNITS: Option[] = [
  { value: "count", label: "Count" },
  { value: "jobs", label: "Jobs" },
  { value: "usd", label: "US dollars" },
  { value: "percent", label: "Percent (0 to 100)" },
  { value: "other", label: "Other (name it below)" },
];

// Defines a metric (no metricId) or edits one; the fields match
// metricFieldsSchema. All scope pickers are shown; the one matching
// "Attached to" is used, so the form works the same with or without script.
export function MetricForm({ action, planId, metricId, version = 0, values, options, submitLabel }: { action: ServerAction; planId?: number; metricId?: number; version?: number; values: Record<string, string>; options: MetricFormChoices; submitLabel: string }) {
  const f = useEditForm(action, { version, values });
  return (
    <form action={f.submit} key={f.key} className="space-y-6">
      {planId !== undefined && <input type="hidden" name="planId" value={planId} />}
      {metricId !== undefined && (
        <>
          <input type="hidden" name="metricId" value={metricId} />
          <input type="hidden" name="pageKey" value={values.key} />
          <input type="hidden" name="version" value={f.version} />
        </>
      )}
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-slate-900">What it measures</legend>
        <TextInput f={f} name="name" label="Name" required />
        <TextInput f={f} name="key" label="Key" hint="Used in its address and in spreadsheets. Leave empty to make one from the name." />
        <div className="sm:col-span-2">
          <TextArea f={f} name="description" label="Description" rows={3} />
        </div>
        <SelectField f={f} name="unit" label="Unit" options={UNITS} required />
        <TextInput f={f} name="unitLabel" label="Unit name" hint="Only for “Other”, such as acres or students." />
        <SelectField f={f} name="direction" label="Good direction" options={[{ value: "up", label: "Up: higher is better" }, { value: "down", label: "Down: lower is better" }]} required />
        <SelectField f={f} name="frequency" label="Measured" options={[{ value: "annual", label: "Every year" }, { value: "quarterly", label: "Every quarter" }]} required />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-slate-900">Where it belongs</legend>
        <SelectField f={f} name="scope" label="Attached to" options={options.scopes} required />
        <SelectField f={f} name="workGroupId" label="Owning work group" options={options.groups} empty={options.groupOptional ? "None: staff manage it" : undefined} hint="Its leads manage the metric and its members record values. An action's metric belongs to the action's group." />
        <SelectField f={f} name="sectionId" label="Section (for a section metric)" options={options.sections} empty="Not attached to a section" />
        <SelectField f={f} name="actionId" label="Action (for an action metric)" options={options.actions} empty="Not attached to an action" />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-slate-900">Baseline and target</legend>
        <TextInput f={f} name="baselineValue" label="Baseline value" inputMode="text" hint="Numbers only." />
        <TextInput f={f} name="baselineDate" label="Baseline date" type="date" />
        <TextInput f={f} name="targetValue" label="Target value" inputMode="text" />
        <TextInput f={f} name="targetDate" label="Target date" type="date" />
        <div className="sm:col-span-2">
          <TextArea f={f} name="interimTargets" label="Interim targets" rows={3} hint="Optional steps on the way, one per line: a date, “=”, a value (for example 2014-12-31 = 1,240)." />
        </div>
        <TextInput f={f} name="tolerancePercent" label="Tolerance (percent)" inputMode="text" hint="How far short of the target path still counts as “behind” rather than “off track”." />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-base font-semibold text-slate-900">Source and owner</legend>
        <TextInput f={f} name="source" label="Data source" />
        <SelectField f={f} name="ownerOrganizationId" label="Owner organization" options={options.organizations} empty="None" />
        <TextInput f={f} name="ownerPerson" label="Owner (person)" />
        <div className="sm:col-span-2">
          <TextArea f={f} name="method" label="Method" rows={3} hint="How the figure is computed." />
        </div>
      </fieldset>
      <EditMessage f={f} />
      <SubmitButton pending={f.pending}>{submitLabel}</SubmitButton>
    </form>
  );
}
