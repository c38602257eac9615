import { MetricChart } from "@/components/metrics/metric-chart";
import type { ReportBlock, ReportDocSection, ReportDocument as Doc } from "@/lib/reports/document";
import { renderMarkdown } from "@/lib/markdown/render";
import { ReportTable } from "./report-table";

// The report as the board reads it on the web, drawn from the same document
// model as the PDF and the XLSX. Staff Markdown and narratives go through the
// sanitiser (lib/markdown/render.ts). Headings start at h2: the page's h1 is
// the report title.

const stamp = (iso: string) => `${iso.replace("T", " ").slice(0, 16)} UTC`;

function Block({ block, id, level }: { block: ReportBlock; id: string; level: 2 | 3 }) {
  // A narrative's heading sits one level under its section's.
  const Sub = level === 2 ? "h3" : "h4";
  switch (block.kind) {
    case "markdown":
      return <div className="prose-narrative max-w-3xl" dangerouslySetInnerHTML={{ __html: renderMarkdown(block.source) }} />;
    case "paragraph":
      return <p className="max-w-3xl">{block.text}</p>;
    case "table":
      return <ReportTable table={block} headingLevel={level === 2 ? 3 : 4} />;
    case "chart":
      return (
        <div className="break-inside-avoid space-y-1">
          <MetricChart series={block.input} id={`${id}-chart`} />
          <p className="text-sm text-slate-800">{block.summary}</p>
        </div>
      );
    case "narrative":
      return (
        <article className="max-w-3xl break-inside-avoid border-l-4 border-slate-300 pl-3" aria-label={`Update on ${block.heading}`}>
          <Sub className="text-base font-semibold">{block.heading}</Sub>
          <p className="text-sm text-slate-700">{block.byline}</p>
          <div className="prose-narrative" dangerouslySetInnerHTML={{ __html: renderMarkdown(block.source) }} />
        </article>
      );
  }
}

function Section({ section, level }: { section: ReportDocSection; level: 2 | 3 }) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={`${section.id}-heading`} className="space-y-4">
      <Heading id={`${section.id}-heading`} className={level === 2 ? "border-b border-slate-300 pb-1 print:break-after-avoid" : "print:break-after-avoid"}>
        {section.title}
      </Heading>
      {section.blocks.map((b, i) => (
        <Block key={i} block={b} id={`${section.id}-${i}`} level={level} />
      ))}
      {section.children.map((c) => (
        <Section key={c.id} section={c} level={3} />
      ))}
    </section>
  );
}

export function ReportContents({ doc }: { doc: Doc }) {
  return (
    <nav aria-label="Report contents" className="rounded-lg border border-slate-200 bg-white p-4 print:border-0 print:p-0">
      <h2 className="text-base">Contents</h2>
      <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm">
        {doc.sections.map((s) => (
          <li key={s.id}>
            <a href={`#${s.id}-heading`}>{s.title}</a>
            {s.children.length > 0 && (
              <ul className="mt-1 list-disc space-y-1 pl-5">
                {s.children.map((c) => (
                  <li key={c.id}>
                    <a href={`#${c.id}-heading`}>{c.title}</a>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Period, edition and state, under the title. */
export function ReportMasthead({ doc }: { doc: Doc }) {
  return (
    <div className="space-y-1 text-slate-800">
      <p>
        {doc.planTitle} · {doc.region} · Reporting period <strong>{doc.periodLabel}</strong>
      </p>
      <p className="text-sm">
        {doc.edition > 1 && <>Version {doc.edition}. </>}
        {doc.publishedAt ? <>Published {stamp(doc.publishedAt)}. </> : <strong>Draft, not published. </strong>}
        Figures as of {stamp(doc.compiledAt)}.
      </p>
      {doc.changeNote && (
        <p className="text-sm">
          <strong>What this version corrects:</strong> {doc.changeNote}
        </p>
      )}
    </div>
  );
}

export function ReportBody({ doc }: { doc: Doc }) {
  return (
    <div className="space-y-8">
      {doc.sections.map((s) => (
        <Section key={s.id} section={s} level={2} />
      ))}
    </div>
  );
}
