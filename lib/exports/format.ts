// Small value formatters shared by the spreadsheet exports.

export const yesNo = (v: boolean) => (v ? "yes" : "no");

// "2026-11-22 14:03 UTC" reads well in a cell and sorts as text.
export function utcStamp(iso: string | null): string | null {
  return iso ? `${iso.replace("T", " ").slice(0, 16)} UTC` : null;
}
