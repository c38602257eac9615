import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { getActionDetail } from "@/lib/actions/queries";
import { AppError } from "@/lib/errors";
import { STATUS_LABELS } from "@/lib/format";
import { listActionUpdates } from "@/lib/updates/queries";
import type { Table } from "@/lib/spreadsheets/write";
import { utcStamp } from "./format";

// One action's update history, newest period first, for anyone who may read
// the action. Drafts are work in progress, not history, and are left out.
export function exportActionUpdates(actor: Actor, actionId: number): { table: Table; fileName: string } {
  authorize(actor, "plan.read");
  authorize(actor, "plan.export");
  const detail = getActionDetail(actionId);
  if (!detail) throw new AppError("NOT_FOUND", "No such action.");
  const updates = listActionUpdates(actionId).filter((u) => u.update.reviewState !== "draft");
  return {
    fileName: `${detail.planSlug}-${detail.action.code}-updates`,
    table: {
      sheetName: `${detail.action.code} updates`,
      columns: [
        { header: "Period", width: 10 },
        { header: "Status", width: 12 },
        { header: "Percent complete", width: 10 },
        { header: "Review state", width: 12 },
        { header: "Narrative", width: 80 },
        { header: "Links", width: 40 },
        { header: "Attachments", width: 30 },
        { header: "Author", width: 20 },
        { header: "Last edited by", width: 20 },
        { header: "Submitted", width: 20 },
        { header: "Reviewed by", width: 20 },
        { header: "Reviewed", width: 20 },
        { header: "Review note", width: 40 },
      ],
      rows: updates.map((u) => [
        u.periodLabel,
        STATUS_LABELS[u.update.status],
        u.update.percentComplete,
        u.update.reviewState,
        u.update.narrative,
        u.links.map((l) => (l.label && l.label !== l.url ? `${l.label} | ${l.url}` : l.url)).join("\n") || null,
        u.attachments.map((a) => a.fileName).join("\n") || null,
        u.authorName,
        u.editorName,
        utcStamp(u.update.submittedAt),
        u.reviewerName,
        utcStamp(u.update.reviewedAt),
        u.update.reviewNote,
      ]),
    },
  };
}
