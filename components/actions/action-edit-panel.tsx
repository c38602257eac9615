import { MoveButtons, RetireButton } from "@/components/forms/record-buttons";
import type { Action } from "@/db/schema";
import { getActionEditor } from "@/lib/actions/edit-queries";
import type { UserActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import type { FormState } from "@/lib/forms/form-action";
import { ActionEditForm } from "./action-edit-form";

type ServerAction = (state: FormState, form: FormData) => Promise<FormState>;

// The editing part of an action's page, for admins and the leads of its work
// group: the edit form, its place in the section, and retire / bring back.
export function ActionEditPanel({ user, action, save, move, retire }: { user: UserActor; action: Action; save: ServerAction; move: ServerAction; retire: ServerAction }) {
  if (!can(user, "action.update", { workGroupId: action.workGroupId })) return null;
  const what = `action ${action.code}`;
  if (action.retiredAt) {
    return (
      <section aria-labelledby="retired-heading" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="retired-heading">Retired action</h2>
        <p className="mt-1 text-sm text-slate-800">Retired on {action.retiredAt.slice(0, 10)}. It keeps its history but is hidden from the plan’s lists. Bring it back to edit it.</p>
        <div className="mt-3">
          <RetireButton action={retire} idName="actionId" id={action.id} version={action.version} retired what={what} />
        </div>
      </section>
    );
  }
  const { values, options, place } = getActionEditor(user, action);
  return (
    <section aria-labelledby="edit-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="edit-heading">Edit this action</h2>
      <div className="mt-3">
        <ActionEditForm action={save} actionId={action.id} version={action.version} values={values} options={options} submitLabel="Save changes" />
      </div>
      <div className="mt-6 flex flex-wrap items-start justify-between gap-4 border-t border-slate-200 pt-4">
        <div>
          <h3 className="text-sm font-semibold">Order in its section</h3>
          <p className="mt-1 text-sm text-slate-800">
            {place.index} of {place.count}
          </p>
          <div className="mt-2">
            <MoveButtons action={move} idName="actionId" id={action.id} what={what} first={place.index <= 1} last={place.index >= place.count} />
          </div>
        </div>
        <div>
          <h3 className="text-sm font-semibold">Retire</h3>
          <p className="mt-1 max-w-xs text-sm text-slate-800">Hides the action from the plan’s lists and keeps its history.</p>
          <div className="mt-2">
            <RetireButton action={retire} idName="actionId" id={action.id} version={action.version} retired={false} what={what} />
          </div>
        </div>
      </div>
    </section>
  );
}
