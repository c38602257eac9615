"use client";

import { useState } from "react";
import { fieldError, inputClass } from "@/components/forms/fields";
import type { Option } from "@/components/forms/edit-fields";
import type { EditForm } from "@/components/forms/use-edit-form";
import { CHAMPION_ROLES } from "@/db/schema/enums";
import { championsJson } from "@/lib/actions/champions-json";
import { CHAMPION_ROLE_LABELS } from "@/lib/format";

interface Row {
  key: number;
  organizationId: string;
  role: string;
}

function parse(json: string): Row[] {
  try {
    const list = JSON.parse(json || "[]") as { organizationId: number | null; role: string }[];
    return list.map((c, i) => ({ key: i, organizationId: c.organizationId ? String(c.organizationId) : "", role: c.role }));
  } catch {
    return [];
  }
}

// Champion organizations with their roles, as many as needed. The rows live
// in React state and reach the server as JSON in one hidden field.
export function ChampionsField({ f, organizations }: { f: EditForm; organizations: Option[] }) {
  const [rows, setRows] = useState(() => parse(f.value("champions")));
  const [nextKey, setNextKey] = useState(1000);
  const id = `${f.idPrefix}-champions`;
  const error = fieldError(f.state, "champions");
  const clash = f.clash("champions");
  const update = (key: number, change: Partial<Row>) => setRows((list) => list.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const nameOf = (value: string) => organizations.find((o) => o.value === value)?.label ?? "";
  const describedBy = [clash ? `${id}-clash` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset aria-describedby={describedBy}>
      <legend className="text-sm font-medium text-slate-800">Champions</legend>
      <input type="hidden" name="champions" value={championsJson(rows.map((r) => ({ organizationId: r.organizationId ? Number(r.organizationId) : null, role: r.role })))} />
      {rows.length === 0 && <p className="mt-1 text-sm text-slate-700">No champion organizations yet.</p>}
      <ol className="mt-1 space-y-2">
        {rows.map((r, i) => (
          <li key={r.key} className="flex flex-wrap items-end gap-2">
            <div className="min-w-0 flex-1">
              <label htmlFor={`${id}-${r.key}-org`} className="block text-xs font-medium text-slate-800">
                <span className="sr-only">Champion {i + 1}: </span>Organization
              </label>
              <select id={`${id}-${r.key}-org`} value={r.organizationId} onChange={(e) => update(r.key, { organizationId: e.target.value })} className={inputClass}>
                <option value="">Choose an organization</option>
                {organizations.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={`${id}-${r.key}-role`} className="block text-xs font-medium text-slate-800">
                <span className="sr-only">Champion {i + 1}: </span>Role
              </label>
              <select id={`${id}-${r.key}-role`} value={r.role} onChange={(e) => update(r.key, { role: e.target.value })} className={inputClass}>
                {CHAMPION_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {CHAMPION_ROLE_LABELS[role]}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" onClick={() => setRows((list) => list.filter((x) => x.key !== r.key))} className="mb-0.5 rounded border border-slate-500 bg-white px-3 py-2 text-sm text-slate-900 hover:bg-slate-100">
              Remove<span className="sr-only"> champion {i + 1}{r.organizationId ? ` (${nameOf(r.organizationId)})` : ""}</span>
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        onClick={() => {
          setRows((list) => [...list, { key: nextKey, organizationId: "", role: list.length === 0 ? "lead" : "partner" }]);
          setNextKey((k) => k + 1);
        }}
        className="mt-2 rounded border border-slate-500 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-100"
      >
        Add a champion
      </button>
      {clash && (
        <p id={`${id}-clash`} className="mt-1 rounded border border-amber-400 bg-amber-50 p-2 text-sm text-amber-950">
          {clash.by} also changed the champions, to:{" "}
          {parse(clash.value)
            .map((c) => `${nameOf(c.organizationId) || "?"} (${c.role})`)
            .join(", ") || "none"}
          . Your list is kept above.
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-800">
          {error}
        </p>
      )}
    </fieldset>
  );
}
