import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ActionButton } from "@/components/forms/action-button";
import { ReportEditor } from "@/components/reports/report-editor";
import { requirePermission } from "@/lib/auth/guards";
import { featurableUpdates, SECTION_TITLES, actionName } from "@/lib/reports/document";
import { REPORT_SECTIONS } from "@/lib/reports/schema";
import { publishReportAction, refreshReportAction, saveReportAction } from "../../actions";
import { loadReportPage } from "../load";

export const metadata: Metadata = { title: "Edit report" };

type Props = { params: Promise<{ plan: string; report: string }> };
const stamp = (iso: string) => `${iso.replace("T", " ").slice(0, 16)} UTC`;
const excerpt = (text: string) => (text.length > 160 ? `${text.slice(0, 157).trimEnd()}…` : text);

// The draft's workbench: the staff's texts and choices, the figures' freshness
// with a refresh, what still needs attention before publishing, and Publish.
export default async function EditReportPage({ params }: Props) {
  const { user, report, content, base } = await loadReportPage(params);
  requirePermission(user, "report.manage");
  const href = `${base}/${report.id}`;
  if (report.status !== "draft") redirect(href);
  const c = content.compiled;
  const all = [...c.clusters.flatMap((k) => k.actions), ...c.nextSteps];
  const awaitingReview = all.filter((a) => a.update?.reviewState === "submitted").length;
  const missing = c.summary.totalActions - c.summary.updated;

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1>
          Draft: {content.title}
          {report.edition > 1 && <> (version {report.edition})</>}
        </h1>
        <p className="text-slate-800">
          Reporting period <strong>{c.period.label}</strong>. Figures as of {stamp(c.compiledAt)}. <Link href={href}>Preview the report</Link>
        </p>
        {report.changeNote && (
          <p className="text-sm">
            <strong>This version corrects:</strong> {report.changeNote}
          </p>
        )}
      </header>

      <section aria-labelledby="data-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="data-heading">The figures</h2>
        <p className="max-w-3xl text-slate-800">
          {c.summary.updated} of {c.summary.totalActions} actions are updated for {c.period.label}
          {missing > 0 && <>; {missing} have no submitted update</>}
          {awaitingReview > 0 && (
            <>
              . {awaitingReview} {awaitingReview === 1 ? "update awaits" : "updates await"} review: <Link href={`/plans/${c.plan.slug}/review`}>review them</Link> so their narratives can appear in the report
            </>
          )}
          . Refreshing reads the live data again; your texts stay as they are.
        </p>
        <ActionButton action={refreshReportAction} fields={{ reportId: report.id, version: report.version }}>
          Refresh the figures
        </ActionButton>
      </section>

      <section aria-labelledby="texts-heading" className="space-y-2">
        <h2 id="texts-heading">Texts and layout</h2>
        <ReportEditor
          action={saveReportAction}
          values={{ reportId: report.id, version: report.version, title: content.title, ...content.texts, featuredUpdateIds: content.featuredUpdateIds, sectionOrder: content.sectionOrder }}
          clusters={c.clusters.map((k) => ({ key: k.key, title: k.title }))}
          narratives={featurableUpdates(c).map((a) => ({ updateId: a.update!.id, heading: actionName(a), excerpt: excerpt(a.update!.narrative) }))}
          sectionTitles={Object.fromEntries(REPORT_SECTIONS.map((s) => [s, SECTION_TITLES[s]]))}
        />
      </section>

      <section aria-labelledby="publish-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="publish-heading">Publish</h2>
        <p className="max-w-3xl text-slate-800">
          Publishing freezes the report exactly as the <Link href={href}>preview</Link> shows it, with the figures as of {stamp(c.compiledAt)} (refresh them first if the data changed since). Board members can then read, download, discuss and acknowledge it. It cannot be changed afterwards; a correction is published as a new version. Save your texts first.
        </p>
        <ActionButton action={publishReportAction} fields={{ reportId: report.id, version: report.version }} variant="primary">
          Publish {report.edition > 1 ? `version ${report.edition}` : "the report"}
        </ActionButton>
      </section>
    </div>
  );
}
