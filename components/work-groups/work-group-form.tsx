"use client";

import { SubmitButton } from "@/components/forms/fields";
import { CheckboxGroup, EditMessage, SelectField, TextArea, TextInput, type Option } from "@/components/forms/edit-fields";
import { useEditForm } from "@/components/forms/use-edit-form";
import { WORK_GROUP_STATUSES } from "@/db/schema/enums";
import type { FormState } from "@/lib/forms/form-action";
import { WORK_GROUP_STATUS_LABELS } from "@/lib/format";

type ServerAction = (state: FormState, form: FormData) => Promise<FormState>;

// Adds a work group (no workGroupId) or edits one; fields match workGroupFieldsSchema.
export function WorkGroupForm({
  action,
  planId,
  workGroupId,
  version = 0,
  values,
  organizations,
  sections,
  submitLabel,
}: {
  action: ServerAction;
  planId?: number;
  workGroupId?: number;
  version?: number;
  values: Record<string, string>;
  organizations: Option[];
  sections: Option[];
  submitLabel: string;
}) {
  const f = useEditForm(action, { version, values });
  return (
    <form action={f.submit} key={f.key} className="grid gap-4 sm:grid-cols-2">
      {planId !== undefined && <input type="hidden" name="planId" value={planId} />}
      {workGroupId !== undefined && (
        <>
          <input type="hidden" name="workGroupId" value={workGroupId} />
          <input type="hidden" name="version" value={f.version} />
        </>
      )}
      <TextInput f={f} name="name" label="Name" required />
      <TextInput f={f} name="key" label="Key" required hint="Lower-case letters, digits and hyphens; used in the group’s address, such as energy-wg." />
      <SelectField f={f} name="leadOrganizationId" label="Lead organization" empty="None named" options={organizations} />
      <SelectField f={f} name="status" label="Status" options={WORK_GROUP_STATUSES.map((s) => ({ value: s, label: WORK_GROUP_STATUS_LABELS[s] }))} />
      <div className="sm:col-span-2">
        <TextArea f={f} name="description" label="Description" rows={3} />
      </div>
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
