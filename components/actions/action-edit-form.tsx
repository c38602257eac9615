"use client";

import { SubmitButton } from "@/components/forms/fields";
import { CheckboxField, EditMessage, SelectField, TextArea, TextInput, type Option } from "@/components/forms/edit-fields";
import { useEditForm } from "@/components/forms/use-edit-form";
import type { FormState } from "@/lib/forms/form-action";
import { ChampionsField } from "./champions-field";

type ServerAction = (state: FormState, form: FormData) => Promise<FormState>;

export interface ActionFormOptions {
  sections: Option[];
  groups: Option[];
  // Admins may leave an action without a work group; leads may not.
  groupOptional: boolean;
  organizations: Option[];
  accounts: Option[];
}

// Creates an action (planId) or edits one (actionId + version); the fields
// match actionFieldsSchema. Status and percent complete are not here: they
// come from progress updates.
export function ActionEditForm({
  action,
  planId,
  actionId,
  version = 0,
  values,
  options,
  submitLabel,
}: {
  action: ServerAction;
  planId?: number;
  actionId?: number;
  version?: number;
  values: Record<string, string>;
  options: ActionFormOptions;
  submitLabel: string;
}) {
  const f = useEditForm(action, { version, values });
  return (
    <form action={f.submit} key={f.key} className="grid gap-4 sm:grid-cols-2">
      {planId !== undefined && <input type="hidden" name="planId" value={planId} />}
      {actionId !== undefined && (
        <>
          <input type="hidden" name="actionId" value={actionId} />
          <input type="hidden" name="version" value={f.version} />
        </>
      )}
      <TextInput f={f} name="code" label="Code" required hint="Unique in the plan, such as EN-7." />
      <TextInput f={f} name="title" label="Short title" hint="Optional; lists show it instead of the text." />
      <div className="sm:col-span-2">
        <TextArea f={f} name="text" label="Action text" rows={5} required />
      </div>
      <SelectField f={f} name="sectionId" label="Section" empty="Plan-wide (no section)" options={options.sections} />
      <SelectField f={f} name="workGroupId" label="Work group" empty={options.groupOptional ? "No work group" : undefined} options={options.groups} />
      <div className="sm:col-span-2">
        <ChampionsField f={f} organizations={options.organizations} />
      </div>
      <TextInput f={f} name="leadPerson" label="Lead person" hint="The person as the plan names them." />
      <SelectField f={f} name="leadUserId" label="Lead person’s account" empty="No account" options={options.accounts} hint="Optional: who answers for the action in this tool." />
      <TextInput f={f} name="startDate" label="Start date" type="date" />
      <TextInput f={f} name="dueDate" label="Due date" type="date" />
      <div className="sm:col-span-2">
        <CheckboxField f={f} name="isPriority" label="Priority action (“few big things”)" />
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
