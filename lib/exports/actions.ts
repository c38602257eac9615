import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { actions, sections, workGroups } from "@/db/schema";
import type { ActionFilters } from "@/lib/actions/filters";
import { actionFilterCondition, actionListOrder, championsFor } from "@/lib/actions/queries";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { STATUS_LABELS } from "@/lib/format";
import { getPlanBySlug } from "@/lib/plans/queries";
import type { Table } from "@/lib/spreadsheets/write";
import { yesNo } from "./format";

// The action list as a spreadsheet: every action matching the list's filters
// (not one page of them), in plan order. The key and champion columns use the
// actions import's format, so a downloaded list can be edited and imported back.
export function exportActionList(actor: Actor, planSlug: string, filters: Omit<ActionFilters, "page">): { table: Table; fileName: string } {
  authorize(actor, "plan.read");
  authorize(actor, "plan.export");
  const plan = getPlanBySlug(planSlug);
  if (!plan) throw new AppError("NOT_FOUND", `No plan with the slug "${planSlug}".`);

  const rows = getDb()
    .select({
      id: actions.id,
      code: actions.code,
      title: actions.title,
      text: actions.text,
      sectionTitle: sections.title,
      sectionKey: sections.key,
      workGroupName: workGroups.name,
      workGroupKey: workGroups.key,
      status: actions.status,
      percentComplete: actions.percentComplete,
      isPriority: actions.isPriority,
      leadPerson: actions.leadPerson,
      startDate: actions.startDate,
      dueDate: actions.dueDate,
    })
    .from(actions)
    .leftJoin(sections, eq(sections.id, actions.sectionId))
    .leftJoin(workGroups, eq(workGroups.id, actions.workGroupId))
    .where(actionFilterCondition(plan.id, filters))
    .orderBy(...actionListOrder())
    .all();
  // In chunks: SQLite bounds the number of parameters of one query.
  const champions = new Map<number, { slug: string; role: string }[]>();
  for (let i = 0; i < rows.length; i += 5_000) {
    for (const [id, list] of championsFor(rows.slice(i, i + 5_000).map((r) => r.id))) champions.set(id, list);
  }

  return {
    fileName: `${plan.slug}-actions`,
    table: {
      sheetName: "Actions",
      columns: [
        { header: "Code", width: 10 },
        { header: "Title", width: 40 },
        { header: "Text", width: 80 },
        { header: "Section", width: 24 },
        { header: "Section key", width: 20 },
        { header: "Work group", width: 24 },
        { header: "Work group key", width: 20 },
        { header: "Status", width: 12 },
        { header: "Percent complete", width: 10 },
        { header: "Priority", width: 8 },
        { header: "Lead person", width: 20 },
        { header: "Start date", width: 12 },
        { header: "Due date", width: 12 },
        { header: "Champions", width: 60 },
      ],
      rows: rows.map((r) => [
        r.code,
        r.title,
        r.text,
        r.sectionTitle,
        r.sectionKey,
        r.workGroupName,
        r.workGroupKey,
        STATUS_LABELS[r.status],
        r.percentComplete,
        yesNo(r.isPriority),
        r.leadPerson,
        r.startDate,
        r.dueDate,
        (champions.get(r.id) ?? []).map((c) => `${c.slug}:${c.role}`).join("; ") || null,
      ]),
    },
  };
}
