import { METRIC_STATUSES } from "./status";
import type { OverviewFilters, StatusFilter } from "./queries";

// The overview's query string, read leniently: an unknown value means "all".
export function parseOverviewFilters(query: Record<string, string | string[] | undefined>): OverviewFilters {
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");
  const status = one(query.status);
  const cluster = Number(one(query.cluster));
  return {
    cluster: Number.isInteger(cluster) && cluster > 0 ? cluster : null,
    status: (METRIC_STATUSES as readonly string[]).includes(status) || status === "stale" ? (status as StatusFilter) : null,
    page: Math.max(1, Number(one(query.page)) || 1),
  };
}
