"use client";

import { SubmitButton } from "@/components/forms/fields";
import { EditMessage, SelectField, TextInput } from "@/components/forms/edit-fields";
import { useEditForm } from "@/components/forms/use-edit-form";
import { ORGANIZATION_TYPES } from "@/db/schema/enums";
import type { FormState } from "@/lib/forms/form-action";
import { ORGANIZATION_TYPE_LABELS } from "@/lib/format";

type ServerAction = (state: FormState, form: FormData) => Promise<FormState>;

// Adds an organization (no organizationId) or edits one; fields match organizationFieldsSchema.
export function OrganizationForm({ action, organizationId, version = 0, values, submitLabel }: { action: ServerAction; organizationId?: number; version?: number; values: Record<string, string>; submitLabel: string }) {
  const f = useEditForm(action, { version, values });
  return (
    <form action={f.submit} key={f.key} className="grid gap-4 sm:grid-cols-2">
      {organizationId !== undefined && (
        <>
          <input type="hidden" name="organizationId" value={organizationId} />
          <input type="hidden" name="version" value={f.version} />
        </>
      )}
      <TextInput f={f} name="name" label="Name" required />
      <TextInput f={f} name="acronym" label="Acronym" />
      <SelectField f={f} name="type" label="Type" options={ORGANIZATION_TYPES.map((t) => ({ value: t, label: ORGANIZATION_TYPE_LABELS[t] }))} />
      <TextInput f={f} name="website" label="Website" type="url" hint="A full address, such as https://www.example.org." />
      <div className="sm:col-span-2">
        <EditMessage f={f} />
      </div>
      <div className="sm:col-span-2">
        <SubmitButton pending={f.pending}>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
