import { eq } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { actions, progressUpdates } from "@/db/schema";
import { ACTION_STATUSES, type ActionStatus } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/actor";
import { STATUS_LABELS } from "@/lib/format";
import { saveUpdateSchema } from "@/lib/updates/schema";
import { writeImportedUpdate } from "@/lib/updates/service";
import { UPDATE_COLUMNS, type UpdateColumnKey } from "./columns";
import { actionCodeSchema, type ImportError, type StoredUpdateRow } from "./schema";

// Validation and writing of one quarter's updates. The figures are checked by
// the same schema as the update form (saveUpdateSchema), so an import cannot
// store what a lead could not type.

export type UpdateRowInput = { row: number; values: Partial<Record<UpdateColumnKey, string>> };

export interface ResolvedUpdateRow {
  row: number;
  actionId: number;
  status: ActionStatus;
  percentComplete: number;
  narrative: string;
  /** Version of the action's update for the period the preview saw; 0 for none. */
  version: number;
}

const HEADER = Object.fromEntries(UPDATE_COLUMNS.map((c) => [c.key, c.header])) as Record<UpdateColumnKey, string>;

// "On track", "on_track", "ON-TRACK" all mean on_track.
export function parseStatus(text: string): ActionStatus | null {
  const s = text.trim().toLowerCase().replace(/[\s_-]+/g, "_");
  return ACTION_STATUSES.find((k) => k === s) ?? null;
}

export function validateUpdateRows(db: DbOrTx, planId: number, periodId: number, input: UpdateRowInput[]) {
  const planActions = db.select({ id: actions.id, code: actions.code, retiredAt: actions.retiredAt }).from(actions).where(eq(actions.planId, planId)).all();
  const byCode = new Map(planActions.map((a) => [a.code, a]));
  const byLowerCode = new Map(planActions.map((a) => [a.code.toLowerCase(), a.code]));
  const existingByAction = new Map(
    db
      .select({ id: progressUpdates.id, actionId: progressUpdates.actionId, version: progressUpdates.version, reviewState: progressUpdates.reviewState })
      .from(progressUpdates)
      .where(eq(progressUpdates.periodId, periodId))
      .all()
      .map((u) => [u.actionId, u]),
  );

  const errors: ImportError[] = [];
  const stored: StoredUpdateRow[] = [];
  const resolved: ResolvedUpdateRow[] = [];
  const firstRowOf = new Map<string, number>();

  for (const r of input) {
    const rowErrors: ImportError[] = [];
    const fail = (column: string, reason: string) => rowErrors.push({ row: r.row, column, reason });

    const code = r.values.actionCode ?? "";
    const codeCheck = actionCodeSchema.safeParse(code);
    const action = byCode.get(code);
    if (!codeCheck.success) fail(HEADER.actionCode, codeCheck.error.issues[0]!.message);
    else if (!action) {
      const sameButCase = byLowerCode.get(code.toLowerCase());
      fail(HEADER.actionCode, sameButCase ? `The plan has ${sameButCase}; write the code exactly so.` : `The plan has no action with the code ${code}.`);
    } else if (action.retiredAt) fail(HEADER.actionCode, `${code} is retired and takes no new updates.`);
    if (code) {
      const first = firstRowOf.get(code.toLowerCase());
      if (first !== undefined) fail(HEADER.actionCode, `${code} is already in row ${first}: an action has one update per quarter.`);
      else firstRowOf.set(code.toLowerCase(), r.row);
    }

    const status = parseStatus(r.values.status ?? "");
    if (!status) fail(HEADER.status, `Use one of: ${ACTION_STATUSES.map((s) => STATUS_LABELS[s]).join(", ")}.`);
    const percent = (r.values.percentComplete ?? "").replace(/\s*%$/, "");
    if (percent === "") fail(HEADER.percentComplete, "Enter a number from 0 to 100.");

    const existing = action ? existingByAction.get(action.id) : undefined;
    const parsed = saveUpdateSchema.safeParse({
      actionId: action?.id ?? 1,
      periodId,
      version: existing?.version ?? 0,
      status: status ?? "not_started",
      percentComplete: percent,
      narrative: r.values.narrative ?? "",
      intent: "submit",
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path[0];
        // Problems with the status and an empty percent are reported above.
        if (key === "narrative" || (key === "percentComplete" && percent !== "")) fail(HEADER[key], issue.message);
      }
    }

    stored.push({ row: r.row, values: r.values, actionId: action?.id ?? null, existing: existing ? { id: existing.id, version: existing.version, reviewState: existing.reviewState } : null });
    if (rowErrors.length === 0 && parsed.success && action) {
      resolved.push({ row: r.row, actionId: action.id, status: parsed.data.status, percentComplete: parsed.data.percentComplete, narrative: parsed.data.narrative, version: existing?.version ?? 0 });
    }
    errors.push(...rowErrors);
  }
  return { stored, resolved, errors };
}

export function applyUpdateRows(tx: Tx, actor: Actor, periodId: number, rows: ResolvedUpdateRow[]) {
  const counts = { created: 0, replaced: 0 };
  for (const r of rows) {
    const { replaced } = writeImportedUpdate(tx, actor, { actionId: r.actionId, periodId, version: r.version, status: r.status, percentComplete: r.percentComplete, narrative: r.narrative, intent: "submit" });
    if (replaced) counts.replaced++;
    else counts.created++;
  }
  return counts;
}
