import { aliasedTable, and, asc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { actions, progressUpdates, users, workGroups, type ReportingPeriod } from "@/db/schema";
import { getPreviousPeriod } from "@/lib/periods/queries";

export const TRACKER_STATES = ["updated", "returned", "missing"] as const;
export type TrackerState = (typeof TRACKER_STATES)[number];

export interface TrackerFilters {
  group?: string;
  state?: TrackerState | "stale";
}

export function parseTrackerFilters(params: Record<string, string | string[] | undefined>): TrackerFilters {
  const one = (k: string) => (typeof params[k] === "string" ? (params[k] as string) : undefined);
  const state = one("state");
  return {
    group: one("group")?.slice(0, 120) || undefined,
    state: state && ([...TRACKER_STATES, "stale"] as string[]).includes(state) ? (state as TrackerFilters["state"]) : undefined,
  };
}

export interface TrackerRow {
  actionId: number;
  code: string;
  title: string;
  workGroupId: number | null;
  workGroupKey: string | null;
  workGroupName: string | null;
  state: TrackerState;
  reviewState: string | null;
  hasDraft: boolean;
  lastUpdateAt: string | null;
  stale: boolean;
  updatedBy: string | null;
}

// The staff view of one period: for every live action, whether it has been
// updated (submitted or accepted), returned for changes, or is still missing
// (nothing, or only a draft); when anything was last submitted for it; and
// whether it is stale (missing now and not updated in the previous period).
export function getTracker(period: ReportingPeriod, filters: TrackerFilters = {}) {
  const db = getDb();
  const previous = getPreviousPeriod(period);
  const cur = aliasedTable(progressUpdates, "cur");
  const prev = aliasedTable(progressUpdates, "prev");
  const editor = aliasedTable(users, "editor");
  // A correlated lookup per action walks that action's few updates through
  // its index; a grouped subquery over the whole plan cost several times more.
  const lastAt = sql<string | null>`(select max(l.submitted_at) from ${progressUpdates} l where l.action_id = ${actions.id})`;
  const raw = db
    .select({
      actionId: actions.id,
      code: actions.code,
      title: sql<string>`coalesce(${actions.title}, substr(${actions.text}, 1, 160))`,
      workGroupId: actions.workGroupId,
      workGroupKey: workGroups.key,
      workGroupName: workGroups.name,
      reviewState: cur.reviewState,
      previousState: prev.reviewState,
      lastUpdateAt: lastAt,
      updatedBy: editor.name,
    })
    .from(actions)
    .leftJoin(workGroups, eq(workGroups.id, actions.workGroupId))
    .leftJoin(cur, and(eq(cur.actionId, actions.id), eq(cur.periodId, period.id)))
    .leftJoin(editor, eq(editor.id, cur.lastEditedById))
    .leftJoin(prev, and(eq(prev.actionId, actions.id), previous ? eq(prev.periodId, previous.id) : sql`0`))
    .where(and(eq(actions.planId, period.planId), isNull(actions.retiredAt)))
    .orderBy(asc(workGroups.position), asc(workGroups.name), asc(actions.position), asc(actions.id))
    .all();

  const counted = (s: string | null) => s === "submitted" || s === "accepted";
  const all: TrackerRow[] = raw.map((r) => {
    const state: TrackerState = counted(r.reviewState) ? "updated" : r.reviewState === "returned" ? "returned" : "missing";
    return {
      actionId: r.actionId,
      code: r.code,
      title: r.title,
      workGroupId: r.workGroupId,
      workGroupKey: r.workGroupKey,
      workGroupName: r.workGroupName,
      state,
      reviewState: r.reviewState,
      hasDraft: r.reviewState === "draft",
      lastUpdateAt: r.lastUpdateAt,
      // A returned update is a report being fixed, not a silence; and with no
      // previous period there is nothing to be stale against.
      stale: state === "missing" && previous !== undefined && !counted(r.previousState),
      updatedBy: r.updatedBy,
    };
  });

  // Group summaries are over the whole period, whatever the filters show.
  const groups = new Map<string, { key: string | null; name: string; total: number; updated: number; returned: number; missing: number; stale: number }>();
  for (const r of all) {
    const k = r.workGroupKey ?? "";
    const g = groups.get(k) ?? { key: r.workGroupKey, name: r.workGroupName ?? "No work group", total: 0, updated: 0, returned: 0, missing: 0, stale: 0 };
    g.total++;
    g[r.state]++;
    if (r.stale) g.stale++;
    groups.set(k, g);
  }
  const rows = all.filter((r) => (!filters.group || r.workGroupKey === filters.group) && (!filters.state || (filters.state === "stale" ? r.stale : r.state === filters.state)));
  const totals = { total: all.length, updated: all.filter((r) => r.state === "updated").length, returned: all.filter((r) => r.state === "returned").length, missing: all.filter((r) => r.state === "missing").length, stale: all.filter((r) => r.stale).length };
  return { previous, rows, groups: [...groups.values()], totals };
}
