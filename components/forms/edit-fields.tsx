"use client";

import { useState } from "react";
import { fieldError, inputClass } from "@/components/forms/fields";
import type { EditForm } from "./use-edit-form";

export interface Option {
  value: string;
  label: string;
}

interface FieldProps {
  f: EditForm;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
}

// Ids, hint, error and the "they changed this too" note of one field, tied to
// the input with aria-describedby.
function useFieldParts({ f, name, hint }: FieldProps) {
  const id = `${f.idPrefix}-${name}`;
  const error = fieldError(f.state, name);
  const clash = f.clash(name);
  const describedBy = [hint ? `${id}-hint` : null, clash ? `${id}-clash` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return { id, error, clash, describedBy };
}

function Parts({ id, hint, error, clash, show }: { id: string; hint?: string; error?: string; clash?: { by: string; value: string }; show?: (v: string) => string }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-700">
          {hint}
        </p>
      )}
      {clash && (
        <p id={`${id}-clash`} className="mt-1 rounded border border-amber-400 bg-amber-50 p-2 text-sm text-amber-950">
          {clash.by} also changed this field, to: <span className="whitespace-pre-line">{(show ? show(clash.value) : clash.value) || "(empty)"}</span>. Your text is kept above.
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-800">
          {error}
        </p>
      )}
    </>
  );
}

function Label({ id, label, required }: { id: string; label: string; required?: boolean }) {
  return (
    <label htmlFor={id} className="block text-sm font-medium text-slate-800">
      {label}
      {required && <span className="text-slate-700"> (required)</span>}
    </label>
  );
}

export function TextInput(props: FieldProps & { type?: string; inputMode?: "numeric" | "text" }) {
  const { f, name, label, hint, required, type = "text", inputMode } = props;
  const { id, error, clash, describedBy } = useFieldParts(props);
  return (
    <div>
      <Label id={id} label={label} required={required} />
      <input id={id} name={name} type={type} inputMode={inputMode} defaultValue={f.value(name)} required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={inputClass} />
      <Parts id={id} hint={hint} error={error} clash={clash} />
    </div>
  );
}

export function TextArea(props: FieldProps & { rows?: number }) {
  const { f, name, label, hint, required, rows = 4 } = props;
  const { id, error, clash, describedBy } = useFieldParts(props);
  return (
    <div>
      <Label id={id} label={label} required={required} />
      <textarea id={id} name={name} rows={rows} defaultValue={f.value(name)} required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={inputClass} />
      <Parts id={id} hint={hint} error={error} clash={clash} />
    </div>
  );
}

export function SelectField(props: FieldProps & { options: Option[]; empty?: string }) {
  const { f, name, label, hint, required, options, empty } = props;
  const { id, error, clash, describedBy } = useFieldParts(props);
  const labelOf = (v: string) => options.find((o) => o.value === v)?.label.trim() ?? v;
  return (
    <div>
      <Label id={id} label={label} required={required} />
      <select id={id} name={name} defaultValue={f.value(name)} required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={inputClass}>
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Parts id={id} hint={hint} error={error} clash={clash} show={labelOf} />
    </div>
  );
}

export function CheckboxField(props: FieldProps) {
  const { f, name, label, hint } = props;
  const { id, error, clash, describedBy } = useFieldParts(props);
  return (
    <div>
      <div className="flex items-center gap-2">
        <input id={id} name={name} type="checkbox" defaultChecked={f.value(name) === "on"} aria-describedby={describedBy} className="h-4 w-4" />
        <label htmlFor={id} className="text-sm text-slate-900">
          {label}
        </label>
      </div>
      <Parts id={id} hint={hint} error={error} clash={clash} show={(v) => (v === "on" ? "ticked" : "not ticked")} />
    </div>
  );
}

// Several choices kept in one hidden field ("3,7,12"), so a refused save
// sends them back like any other typed value.
export function CheckboxGroup(props: FieldProps & { options: Option[] }) {
  const { f, name, label, hint, options } = props;
  const { id, error, clash, describedBy } = useFieldParts(props);
  const [chosen, setChosen] = useState(() => new Set(f.value(name).split(",").filter(Boolean)));
  const toggle = (value: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(value);
      else next.delete(value);
      return next;
    });
  const labelsOf = (v: string) =>
    v
      .split(",")
      .filter(Boolean)
      .map((x) => options.find((o) => o.value === x)?.label.trim() ?? x)
      .join(", ");
  return (
    <fieldset aria-describedby={describedBy}>
      <legend className="text-sm font-medium text-slate-800">{label}</legend>
      <input type="hidden" name={name} value={[...chosen].join(",")} />
      <ul className="mt-1 max-h-64 space-y-1 overflow-y-auto rounded border border-slate-300 bg-white p-2 text-sm">
        {options.map((o) => (
          <li key={o.value} className="flex items-center gap-2">
            <input id={`${id}-${o.value}`} type="checkbox" checked={chosen.has(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} className="h-4 w-4" />
            <label htmlFor={`${id}-${o.value}`} className="whitespace-pre">
              {o.label}
            </label>
          </li>
        ))}
      </ul>
      <Parts id={id} hint={hint} error={error} clash={clash} show={labelsOf} />
    </fieldset>
  );
}

// The refusal (or success) message; after a conflict, the other person's change.
export function EditMessage({ f }: { f: EditForm }) {
  const state = f.state;
  return (
    <div aria-live="polite" role="status">
      {state && !state.ok && (
        <div className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <p>{state.message}</p>
          {state.conflict && state.conflict.changes.length > 0 && (
            <>
              <p className="mt-2 font-medium">What {state.conflict.by} changed:</p>
              <ul className="mt-1 list-disc pl-5">
                {state.conflict.changes.map((line, i) => (
                  <li key={i} className="whitespace-pre-line">
                    {line}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {state?.ok && state.message && <p className="rounded border border-green-300 bg-green-50 p-3 text-sm text-green-900">{state.message}</p>}
    </div>
  );
}
