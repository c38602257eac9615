import Link from "next/link";
import { inputClass } from "@/components/forms/fields";

// The year and the estimate switch, as a plain GET form: the page works
// without script, and the choice stays in the address for sharing.
export function AnalyticsControls({ action, years, year, estimate, keep = {} }: { action: string; years: number[]; year: number; estimate: boolean; keep?: Record<string, string> }) {
  return (
    <form method="get" action={action} aria-label="Choose the year and estimates" className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4">
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div>
        <label htmlFor="a-year" className="block text-sm font-medium">
          Year
        </label>
        <select id="a-year" name="year" defaultValue={String(year)} className={inputClass}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-center gap-2 pb-2">
        <input id="a-estimate" type="checkbox" name="estimate" value="1" defaultChecked={estimate} className="h-4 w-4" aria-describedby="a-estimate-help" />
        <label htmlFor="a-estimate" className="text-sm font-medium">
          Fill suppressed cells with estimates
        </label>
      </div>
      <button type="submit" className="rounded bg-blue-800 px-4 py-2 text-sm font-medium text-white hover:bg-blue-900">
        Show
      </button>
      <Link href={action} className="pb-2 text-sm">
        Reset
      </Link>
      <p id="a-estimate-help" className="w-full text-xs text-slate-700">
        BLS suppresses cells that would disclose a single employer. Without estimates those jobs are left out and each figure says how much was disclosed. With estimates, a suppressed industry gets its parent industry&apos;s jobs minus its disclosed siblings&apos;, shared by establishments: figures are then marked “estimated”.
      </p>
    </form>
  );
}
