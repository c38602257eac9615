import type { FormState } from "@/lib/forms/form-action";

// Labelled inputs whose errors are tied to them with aria-describedby and
// announced through the form's live region.
export function fieldError(state: FormState, name: string): string | undefined {
  return state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined;
}

// Forms remount with each new state so inputs pick up the values sent back.
export function formKey(state: FormState): string {
  return JSON.stringify(state);
}

export const inputClass = "mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 text-sm";

export function TextField({
  label,
  name,
  state,
  type = "text",
  defaultValue,
  autoComplete,
  required = false,
  hint,
  idPrefix = "field",
}: {
  label: string;
  name: string;
  state: FormState;
  type?: string;
  defaultValue?: string;
  autoComplete?: string;
  required?: boolean;
  hint?: string;
  // Distinct per form when one page holds several forms with the same fields.
  idPrefix?: string;
}) {
  const f = fieldParts(state, name, idPrefix, hint);
  return (
    <FieldShell label={label} hint={hint} {...f}>
      <input id={f.id} name={name} type={type} defaultValue={typedValue(state, name) ?? defaultValue} autoComplete={autoComplete} required={required} aria-invalid={f.error ? true : undefined} aria-describedby={f.describedBy} className={inputClass} />
    </FieldShell>
  );
}

// The ids, error and description links every labelled field needs.
function fieldParts(state: FormState, name: string, idPrefix: string, hint?: string) {
  const error = fieldError(state, name);
  const id = `${idPrefix}-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return { id, error, describedBy };
}

// After a refusal, what the person typed (sent back by toFormState).
function typedValue(state: FormState, name: string): string | undefined {
  return state && !state.ok ? state.values?.[name] : undefined;
}

// Label, optional hint and error around one control.
function FieldShell({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; describedBy?: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-700">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

// A refusal that belongs to one field is shown under that field; the form's
// summary then points there instead of saying the same words twice.
export function pointToField(state: FormState, pointer: string): FormState {
  if (!state || state.ok) return state;
  const repeated = Object.values(state.fieldErrors ?? {}).some((list) => list?.includes(state.message));
  return repeated ? { ...state, message: pointer } : state;
}

export function FormMessage({ state }: { state: FormState }) {
  return (
    <div aria-live="polite" role="status">
      {state && !state.ok && <p className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">{state.message}</p>}
      {state?.ok && state.message && <p className="rounded border border-green-300 bg-green-50 p-3 text-sm text-green-900">{state.message}</p>}
    </div>
  );
}

export function SubmitButton({ children, pending }: { children: React.ReactNode; pending: boolean }) {
  return (
    <button type="submit" disabled={pending} className="rounded bg-blue-800 px-4 py-2 text-sm font-medium text-white hover:bg-blue-900 disabled:opacity-70">
      {pending ? "Saving…" : children}
    </button>
  );
}

export function TextAreaField({
  label,
  name,
  state,
  defaultValue,
  hint,
  rows = 5,
  idPrefix = "field",
  required = false,
}: {
  label: string;
  name: string;
  state: FormState;
  defaultValue?: string;
  hint?: string;
  rows?: number;
  idPrefix?: string;
  required?: boolean;
}) {
  const f = fieldParts(state, name, idPrefix, hint);
  return (
    <FieldShell label={label} hint={hint} {...f}>
      <textarea id={f.id} name={name} rows={rows} required={required} defaultValue={typedValue(state, name) ?? defaultValue} aria-invalid={f.error ? true : undefined} aria-describedby={f.describedBy} className={inputClass} />
    </FieldShell>
  );
}

export function SelectField({
  label,
  name,
  state,
  defaultValue,
  options,
  idPrefix = "field",
}: {
  label: string;
  name: string;
  state: FormState;
  defaultValue?: string;
  options: readonly { value: string; label: string }[];
  idPrefix?: string;
}) {
  const f = fieldParts(state, name, idPrefix);
  return (
    <FieldShell label={label} {...f}>
      <select id={f.id} name={name} defaultValue={typedValue(state, name) ?? defaultValue} aria-invalid={f.error ? true : undefined} aria-describedby={f.describedBy} className={inputClass}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
