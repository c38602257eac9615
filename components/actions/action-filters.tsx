import Link from "next/link";
import { ACTION_STATUSES } from "@/db/schema/enums";
import type { ActionFilters } from "@/lib/actions/filters";
import { STATUS_LABELS } from "@/lib/format";

interface Option {
  value: string;
  label: string;
}

// A plain GET form: filters work without JavaScript and end up in the URL.
export function ActionFilterForm({
  action,
  filters,
  sections,
  groups,
  organizations,
}: {
  action: string;
  filters: ActionFilters;
  sections: Option[];
  groups: Option[];
  organizations: Option[];
}) {
  return (
    <form action={action} method="get" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3" role="search" aria-label="Filter actions">
      <Field label="Search text" id="f-q">
        <input id="f-q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={200} className={inputClass} />
      </Field>
      <Field label="Cluster or section" id="f-section">
        <Select id="f-section" name="section" value={filters.section} options={sections} all="All sections" />
      </Field>
      <Field label="Work group" id="f-group">
        <Select id="f-group" name="group" value={filters.group} options={groups} all="All work groups" />
      </Field>
      <Field label="Status" id="f-status">
        <Select id="f-status" name="status" value={filters.status} options={ACTION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} all="Any status" />
      </Field>
      <Field label="Champion organization" id="f-org">
        <Select id="f-org" name="org" value={filters.org} options={organizations} all="Any champion" />
      </Field>
      <div className="flex flex-wrap items-end gap-x-6 gap-y-2 pb-2">
        <div className="flex items-center gap-2">
          <input id="f-priority" name="priority" type="checkbox" value="1" defaultChecked={filters.priority} className="h-4 w-4" />
          <label htmlFor="f-priority" className="text-sm">
            Priority actions only
          </label>
        </div>
        <div className="flex items-center gap-2">
          <input id="f-retired" name="retired" type="checkbox" value="1" defaultChecked={filters.retired} className="h-4 w-4" />
          <label htmlFor="f-retired" className="text-sm">
            Show retired actions
          </label>
        </div>
      </div>
      <div className="flex items-center gap-4 sm:col-span-2 lg:col-span-3">
        <button type="submit" className="rounded bg-blue-800 px-4 py-2 text-sm font-medium text-white hover:bg-blue-900">
          Apply filters
        </button>
        <Link href={action} className="text-sm">
          Clear filters
        </Link>
      </div>
    </form>
  );
}

const inputClass = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm";

function Field({ label, id, children }: { label: string; id: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
    </div>
  );
}

function Select({ id, name, value, options, all }: { id: string; name: string; value: string | undefined; options: Option[]; all: string }) {
  return (
    <select id={id} name={name} defaultValue={value ?? ""} className={inputClass}>
      <option value="">{all}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
