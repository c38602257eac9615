"use client";

import { SubmitButton } from "@/components/forms/fields";
import { CheckboxGroup, EditMessage, TextArea, TextInput, type Option } from "@/components/forms/edit-fields";
import { useEditForm } from "@/components/forms/use-edit-form";
import type { FormState } from "@/lib/forms/form-action";

type ServerAction = (state: FormState, form: FormData) => Promise<FormState>;

// Adds a target (no targetId) or edits one; fields match targetFieldsSchema.
export function TargetForm({ action, planId, targetId, version = 0, values, sections, submitLabel }: { action: ServerAction; planId?: number; targetId?: number; version?: number; values: Record<string, string>; sections: Option[]; submitLabel: string }) {
  const f = useEditForm(action, { version, values });
  return (
    <form action={f.submit} key={f.key} className="grid gap-4 sm:grid-cols-2">
      {planId !== undefined && <input type="hidden" name="planId" value={planId} />}
      {targetId !== undefined && (
        <>
          <input type="hidden" name="targetId" value={targetId} />
          <input type="hidden" name="version" value={f.version} />
        </>
      )}
      <div className="sm:col-span-2">
        <TextArea f={f} name="description" label="Description" rows={2} required />
      </div>
      <TextInput f={f} name="marketSupportUsd" label="Market support (US dollars)" inputMode="numeric" required hint="Whole dollars, such as 1,250,000." />
      <TextInput f={f} name="source" label="Source" />
      <div className="sm:col-span-2">
        <CheckboxGroup f={f} name="sectionIds" label="Linked sections" options={sections} />
      </div>
      <div className="sm:col-span-2">
        <EditMessage f={f} />
      </div>
      <div className="sm:col-span-2">
        <SubmitButton pending={f.pending}>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
