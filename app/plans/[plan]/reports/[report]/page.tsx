import type { Metadata } from "next";
import Link from "next/link";
import { CommentThread } from "@/components/comments/comment-thread";
import { ActionButton } from "@/components/forms/action-button";
import { ReportBody, ReportContents, ReportMasthead } from "@/components/reports/report-document";
import { SupersedeForm } from "@/components/reports/supersede-form";
import { can } from "@/lib/auth/permissions";
import { listComments } from "@/lib/comments/queries";
import { buildReportDocument } from "@/lib/reports/document";
import { acknowledgedAt, listAcknowledgements, previousPublishedReport } from "@/lib/reports/queries";
import { addCommentAction, deleteCommentAction, editCommentAction } from "@/app/actions/[id]/comment-actions";
import { acknowledgeReportAction, supersedeReportAction } from "../actions";
import { loadReportPage } from "./load";

export const metadata: Metadata = { title: "Report" };

type Props = { params: Promise<{ plan: string; report: string }> };
const stamp = (iso: string) => `${iso.replace("T", " ").slice(0, 16)} UTC`;

// A report as the board reads it: the document, its downloads, and (once
// published) acknowledgements, the discussion and the comparison with the
// previous report. A draft shows here as its exact preview, for staff only.
export default async function ReportPage({ params }: Props) {
  const { user, manage, report, period, editions, content, base } = await loadReportPage(params);
  const doc = buildReportDocument(content);
  const href = `${base}/${report.id}`;
  const draft = report.status === "draft";
  const newer = editions.filter((e) => e.edition > report.edition && e.status !== "draft");
  const older = editions.filter((e) => e.edition < report.edition);
  const pendingCorrection = editions.some((e) => e.status === "draft");
  const previous = draft ? null : previousPublishedReport(report, period.startDate);
  const acked = draft ? null : acknowledgedAt(report.id, user.userId);

  return (
    <div className="space-y-6">
      {draft && (
        <p role="note" className="no-print rounded border border-amber-400 bg-amber-50 p-3 text-amber-950">
          Preview of a draft: this is exactly what will be published, with the figures as of {stamp(doc.compiledAt)}. Board members cannot see it yet. <Link href={`${href}/edit`}>Back to the draft</Link>
        </p>
      )}
      {newer.length > 0 && (
        <p role="note" className="rounded border border-amber-400 bg-amber-50 p-3 text-amber-950">
          This version was replaced by a corrected one: <Link href={`${base}/${newer[newer.length - 1]!.id}`}>read version {newer[newer.length - 1]!.edition}</Link>.
        </p>
      )}
      <header className="space-y-2">
        <h1>{doc.title}</h1>
        <ReportMasthead doc={doc} />
        <p className="no-print flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <span>Download:</span>
          <a href={`${href}/pdf`} download>
            PDF
          </a>
          <a href={`${href}/xlsx`} download>
            Data (XLSX)
          </a>
          {previous && <Link href={`${href}/compare`}>Compare with the previous report</Link>}
          {older.length > 0 && (
            <span>
              Earlier versions:{" "}
              {older.map((e, i) => (
                <span key={e.id}>
                  {i > 0 && ", "}
                  <Link href={`${base}/${e.id}`}>version {e.edition}</Link>
                </span>
              ))}
            </span>
          )}
        </p>
      </header>

      <ReportContents doc={doc} />
      <ReportBody doc={doc} />

      {!draft && (
        <div className="no-print space-y-6 border-t border-slate-300 pt-6">
          <section aria-labelledby="ack-heading" className="space-y-2">
            <h2 id="ack-heading">Acknowledgement</h2>
            {/* Live, so the confirmation that replaces the button is announced. */}
            <div aria-live="polite">
              {acked ? (
                <p>You acknowledged this report on {stamp(acked)}.</p>
              ) : (
                <ActionButton action={acknowledgeReportAction} fields={{ reportId: report.id }} variant="primary">
                  I have read this report
                </ActionButton>
              )}
            </div>
            {manage && <Acknowledgements reportId={report.id} />}
          </section>

          {manage && report.status === "published" && !pendingCorrection && (
            <section aria-labelledby="correct-heading" className="space-y-2">
              <h2 id="correct-heading">Correct this report</h2>
              <p className="max-w-3xl text-slate-800">A published report is never changed. A correction is a new version with the same texts and fresh figures; publishing it replaces this one, which stays readable.</p>
              <SupersedeForm action={supersedeReportAction} reportId={report.id} nextEdition={Math.max(...editions.map((e) => e.edition)) + 1} />
            </section>
          )}
          {manage && pendingCorrection && (
            <p>
              A corrected version is in draft: <Link href={`${base}/${editions.find((e) => e.status === "draft")!.id}/edit`}>open it</Link>.
            </p>
          )}

          <section aria-labelledby="discussion-heading">
            <h2 id="discussion-heading">Discussion</h2>
            <CommentThread
              comments={listComments({ reportId: report.id })}
              subject={{ reportId: report.id }}
              emptyText="No comments yet. Ask a question about this report."
              viewerId={user.userId}
              canComment={can(user, "comment.create")}
              canModerate={can(user, "comment.moderate")}
              actions={{ add: addCommentAction, edit: editCommentAction, remove: deleteCommentAction }}
            />
          </section>
        </div>
      )}
    </div>
  );
}

function Acknowledgements({ reportId }: { reportId: number }) {
  const list = listAcknowledgements(reportId);
  return (
    <div>
      <h3 className="text-base">Who has acknowledged it ({list.length})</h3>
      {list.length === 0 ? (
        <p className="text-slate-800">Nobody yet.</p>
      ) : (
        <ul className="list-disc pl-5">
          {list.map((a) => (
            <li key={a.userId}>
              {a.name} ({a.email}), <time dateTime={a.at}>{stamp(a.at)}</time>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
