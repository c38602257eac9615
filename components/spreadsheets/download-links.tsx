// "Download …: CSV · Excel (XLSX)" for any page with a spreadsheet export.
// `params` are the page's own filters, passed on so the file holds exactly
// what the page shows. Plain <a>: a route handler is not a page to prefetch.
export function DownloadLinks({ href, params = {}, what }: { href: string; params?: Record<string, string | undefined>; what: string }) {
  const url = (format: "csv" | "xlsx") => {
    const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
    query.set("format", format);
    return `${href}?${query.toString()}`;
  };
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-800">
      <span>Download {what}:</span>
      <a href={url("csv")} aria-label={`Download ${what} as CSV`}>
        CSV
      </a>
      <span aria-hidden="true">·</span>
      <a href={url("xlsx")} aria-label={`Download ${what} as Excel (XLSX)`}>
        Excel (XLSX)
      </a>
    </p>
  );
}
