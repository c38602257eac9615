import type { ReportCell, ReportColumn } from "./document";

// How a report table cell reads, in the web view and the PDF alike. The XLSX
// keeps the raw values instead (numbers stay numbers).

const grouped = new Intl.NumberFormat("en-US");
const oneDecimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/** "+3", "−2" (a true minus sign), "0". */
export const formatDelta = (n: number) => (n > 0 ? `+${grouped.format(n)}` : n < 0 ? `−${grouped.format(-n)}` : "0");

export function formatCell(cell: ReportCell, column: Pick<ReportColumn, "kind">): string {
  if (cell === null) return "–";
  if (typeof cell === "object") return cell.delta ? `${grouped.format(cell.n)} (${formatDelta(cell.delta)})` : grouped.format(cell.n);
  if (typeof cell === "string") return cell;
  if (column.kind === "percent") return `${oneDecimal.format(cell)}%`;
  return grouped.format(cell);
}

/** Numbers line up on the right. */
export const alignsRight = (column: Pick<ReportColumn, "kind">) => column.kind !== "text";
