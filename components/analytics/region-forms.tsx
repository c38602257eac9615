"use client";

import { SubmitButton } from "@/components/forms/fields";
import { EditMessage, SelectField, TextArea, TextInput, type Option } from "@/components/forms/edit-fields";
import { useEditForm } from "@/components/forms/use-edit-form";
import type { FormState } from "@/lib/forms/form-action";

type ServerAction = (state: FormState, form: FormData) => Promise<FormState>;

const AREAS_HINT = "One BLS area code per line (five digits or capital letters: 06019 is Fresno County, 06000 California, US000 the nation). A code may be followed by the area's name, which is ignored.";

// Which region the plan's figures cover, and the area they are compared with.
// Fields match savePlanRegionSchema.
export function PlanRegionForm({ action, planId, version, values, regions }: { action: ServerAction; planId: number; version: number; values: Record<string, string>; regions: Option[] }) {
  const f = useEditForm(action, { version, values });
  return (
    <form action={f.submit} key={f.key} className="space-y-4">
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="version" value={f.version} />
      <SelectField f={f} name="regionId" label="Region" empty="A new region, defined below" options={regions} />
      <fieldset className="space-y-3 rounded border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold text-slate-900">A new region</legend>
        <p className="text-xs text-slate-700">Used only when “A new region” is chosen above.</p>
        <TextInput f={f} name="regionName" label="Name of the new region" />
        <TextArea f={f} name="regionAreas" label="Areas of the new region" rows={4} hint={AREAS_HINT} />
      </fieldset>
      <TextInput f={f} name="referenceArea" label="Reference area" hint="The area location quotients and shift-share compare with: 06000 for California, US000 for the United States. Leave empty for none." />
      <EditMessage f={f} />
      <SubmitButton pending={f.pending}>Save the region and reference area</SubmitButton>
    </form>
  );
}

// A region's name and areas. Fields match saveRegionSchema.
export function RegionForm({ action, regionId, version, values, sharedWith }: { action: ServerAction; regionId: number; version: number; values: Record<string, string>; sharedWith: string[] }) {
  const f = useEditForm(action, { version, values });
  const shared = sharedWith.length > 1 ? `This region is shared by ${sharedWith.length} plans (${sharedWith.join("; ")}): a change here changes it for every one of them.` : "Regions are shared records: if other plans choose this region later, they use the same areas, and a change here changes it for all of them.";
  return (
    <form action={f.submit} key={f.key} className="space-y-4">
      <input type="hidden" name="regionId" value={regionId} />
      <input type="hidden" name="version" value={f.version} />
      <p className="text-sm text-slate-800">{shared}</p>
      <TextInput f={f} name="name" label="Region name" required />
      <TextArea f={f} name="areas" label="Areas" rows={9} hint={AREAS_HINT} />
      <EditMessage f={f} />
      <SubmitButton pending={f.pending}>Save the region</SubmitButton>
    </form>
  );
}
