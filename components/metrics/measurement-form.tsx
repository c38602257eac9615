"use client";

import { useActionState } from "react";
import { FormMessage, SelectField, SubmitButton, TextField, formKey, pointToField } from "@/components/forms/fields";
import type { FormState } from "@/lib/forms/form-action";


// Record a metric's value for one period. Only periods without a value are
// offered (the service refuses the others with a pointer to "Correct").
export function MeasurementForm({
  action,
  metric,
  periods,
  defaultPeriod,
  idPrefix,
}: {
  action: (s: FormState, f: FormData) => Promise<FormState>;
  metric: { id: number; name: string; unitHint: string };
  periods: string[];
  defaultPeriod: string | null;
  idPrefix: string;
}) {
  const [state, submit, pending] = useActionState(action, null);
  if (periods.length === 0) return <p className="text-sm text-slate-700">Every period of the plan so far has a value (or none has started). To change a value, correct it on the metric&apos;s page.</p>;
  return (
    <form action={submit} key={formKey(state)} className="space-y-3" aria-label={`Record a value of ${metric.name}`}>
      <input type="hidden" name="metricId" value={metric.id} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          idPrefix={idPrefix}
          label="Period"
          name="period"
          state={state}
          defaultValue={defaultPeriod ?? periods[0]!}
          options={periods.map((p) => ({ value: p, label: p }))}
        />
        <TextField idPrefix={idPrefix} label={`Value (${metric.unitHint})`} name="value" state={state} required hint="Numbers only, such as 1,240 or 41.5." />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField idPrefix={idPrefix} label="Note" name="note" state={state} />
        <TextField idPrefix={idPrefix} label="Source" name="source" state={state} hint="Where the figure comes from." />
      </div>
      <FormMessage state={pointToField(state, "This value was not recorded: see why under the field.")} />
      <SubmitButton pending={pending}>
        Record value<span className="sr-only"> of {metric.name}</span>
      </SubmitButton>
    </form>
  );
}
