import { DownloadLinks } from "@/components/spreadsheets/download-links";
import { COLUMNS, IGNORED_HEADERS, IGNORED_HEADERS_NOTE, IMPORT_KIND_LABELS, type ImportKind } from "@/lib/imports/columns";

// The columns of one import, as the template has them, with what to enter.
export function ColumnHelp({ kind, templateHref }: { kind: ImportKind; templateHref: string }) {
  const ignored = IGNORED_HEADERS[kind];
  const id = `columns-${kind}`;
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h3 id={id}>{IMPORT_KIND_LABELS[kind]}</h3>
      <DownloadLinks href={templateHref} params={{ kind }} what={`the ${kind} template`} />
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-label={`Columns of the ${kind} import`} tabIndex={0}>
        <table className="w-full min-w-[36rem] text-left text-sm [&_td]:px-3 [&_td]:py-2 [&_th]:px-3 [&_th]:py-2">
          <caption className="sr-only">Columns of the {kind} import</caption>
          <thead className="bg-slate-100 text-xs text-slate-800 uppercase">
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Required</th>
              <th scope="col">What to enter</th>
              <th scope="col">Example</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {COLUMNS[kind].map((c) => (
              <tr key={c.key} className="align-top">
                <th scope="row" className="font-medium whitespace-nowrap">
                  {c.header}
                </th>
                <td>{c.required ? "Yes" : "No"}</td>
                <td>{c.help}</td>
                <td className="font-mono text-xs">{c.example}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {ignored.length > 0 && (
        <p className="text-sm text-slate-700">
          The columns {ignored.map((h) => `“${h}”`).join(", ")} {IGNORED_HEADERS_NOTE[kind]}
        </p>
      )}
    </section>
  );
}
