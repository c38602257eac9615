import type { Table } from "@/lib/spreadsheets/write";
import { DASH } from "./format";

const number = new Intl.NumberFormat("en-US", { maximumFractionDigits: 3 });

// One of the analytics tables exactly as its download holds it (lib/analytics/views.ts):
// numbers right-aligned, an empty cell shown as "—", the first column naming the row.
export function DataTable({ table, caption }: { table: Table; caption: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-left">
          <tr>
            {table.columns.map((c, i) => (
              <th key={c.header} scope="col" className={`px-3 py-2 ${i > 0 && typeof table.rows[0]?.[i] === "number" ? "text-right" : ""}`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r} className="border-t border-slate-200">
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="px-3 py-2 text-left font-medium">
                    {cell ?? DASH}
                  </th>
                ) : (
                  <td key={i} className={`px-3 py-2 ${typeof cell === "number" ? "text-right tabular-nums" : ""}`}>
                    {cell === null ? DASH : typeof cell === "number" ? (table.columns[i]!.header === "Year" || /year$/i.test(table.columns[i]!.header) ? String(cell) : number.format(cell)) : cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
