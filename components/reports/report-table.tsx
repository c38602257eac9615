import { alignsRight, formatCell } from "@/lib/reports/cells";
import type { ReportTable as Table } from "@/lib/reports/document";

// One report table: a caption, column headers, and the first column as the
// row header, so a screen reader names each figure by its row and column.
export function ReportTable({ table, headingLevel = 3 }: { table: Table; headingLevel?: 3 | 4 }) {
  if (table.rows.length === 0) {
    const Heading = headingLevel === 3 ? "h3" : "h4";
    return (
      <div className="break-inside-avoid">
        <Heading className="text-sm font-semibold">{table.caption}</Heading>
        <p className="text-sm text-slate-700">{table.empty}</p>
      </div>
    );
  }
  return (
    <div className="overflow-x-auto print:overflow-visible">
      <table className="w-full border-collapse text-sm">
        <caption className="mb-1 text-left text-sm font-semibold">{table.caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-400">
            {table.columns.map((c, i) => (
              <th key={i} scope="col" className={`px-2 py-1 align-bottom font-semibold ${alignsRight(c) ? "text-right" : "text-left"}`}>
                {c.label || <span className="sr-only">Row</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r} className="border-b border-slate-200 break-inside-avoid">
              {row.map((cell, i) => {
                const column = table.columns[i]!;
                const className = `px-2 py-1 align-top ${alignsRight(column) ? "text-right tabular-nums" : "text-left"}`;
                return i === 0 ? (
                  <th key={i} scope="row" className={`${className} font-medium`}>
                    {formatCell(cell, column.kind)}
                  </th>
                ) : (
                  <td key={i} className={className}>
                    {formatCell(cell, column.kind)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
