import { signedDelta, type ReportCell, type ReportColumn } from "./document";

// How a report table cell reads, in the web view and the PDF alike. The XLSX
// keeps the raw values instead (numbers stay numbers).

const number = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/** A cell as text, by its column's kind: "5 (+1)", "45%", "1,234", "–" for no value. */
export function formatCell(cell: ReportCell, kind: ReportColumn["kind"]): string {
  if (cell === null) return "–";
  if (typeof cell === "object") return cell.delta ? `${number.format(cell.n)} (${signedDelta(cell.delta)})` : number.format(cell.n);
  if (typeof cell === "string") return cell;
  if (kind === "percent") return `${percent.format(cell)}%`;
  return number.format(cell);
}

/** Numbers line up on the right. */
export const alignsRight = (column: Pick<ReportColumn, "kind">) => column.kind !== "text";
