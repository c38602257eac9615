"use client";

import { SubmitButton } from "@/components/forms/fields";
import { EditMessage, SelectField, TextArea, TextInput, type Option } from "@/components/forms/edit-fields";
import { useEditForm } from "@/components/forms/use-edit-form";
import { SECTION_KINDS } from "@/db/schema/enums";
import type { FormState } from "@/lib/forms/form-action";
import { SECTION_KIND_LABELS } from "@/lib/format";

type ServerAction = (state: FormState, form: FormData) => Promise<FormState>;

// Adds a section (no sectionId) or edits one; fields match sectionFieldsSchema.
export function SectionForm({ action, planId, sectionId, version = 0, values, parents, submitLabel }: { action: ServerAction; planId?: number; sectionId?: number; version?: number; values: Record<string, string>; parents: Option[]; submitLabel: string }) {
  const f = useEditForm(action, { version, values });
  return (
    <form action={f.submit} key={f.key} className="grid gap-4 sm:grid-cols-2">
      {planId !== undefined && <input type="hidden" name="planId" value={planId} />}
      {sectionId !== undefined && (
        <>
          <input type="hidden" name="sectionId" value={sectionId} />
          <input type="hidden" name="version" value={f.version} />
        </>
      )}
      <TextInput f={f} name="title" label="Title" required />
      <TextInput f={f} name="code" label="Code" hint="Optional, as printed in the plan, such as 1.2." />
      <SelectField f={f} name="kind" label="Kind" options={SECTION_KINDS.map((k) => ({ value: k, label: SECTION_KIND_LABELS[k] }))} />
      <SelectField f={f} name="parentId" label="Parent section" empty="None: a top-level section" options={parents} />
      <div className="sm:col-span-2">
        <TextArea f={f} name="description" label="Description" rows={3} />
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
