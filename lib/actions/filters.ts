import { z } from "zod";
import { ACTION_STATUSES } from "@/db/schema/enums";

// Action-list filters live in the URL so every view can be shared as a link.
// Unknown or malformed values are dropped rather than failing the page.
const optionalKey = z
  .string()
  .trim()
  .max(120)
  .regex(/^[a-z0-9][a-z0-9._-]*$/)
  .optional()
  .catch(undefined);

export const actionFiltersSchema = z.object({
  section: optionalKey,
  group: optionalKey,
  org: optionalKey,
  status: z.enum(ACTION_STATUSES).optional().catch(undefined),
  priority: z
    .literal("1")
    .optional()
    .catch(undefined)
    .transform((v) => v === "1"),
  // Retired actions are hidden unless asked for.
  retired: z
    .literal("1")
    .optional()
    .catch(undefined)
    .transform((v) => v === "1"),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined)),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type ActionFilters = z.infer<typeof actionFiltersSchema>;

// 25 rows keeps the list fast on 2 cores at scale (see the bench figures in the README).
export const PAGE_SIZE = 20;

type SearchParams = Record<string, string | string[] | undefined>;

export function parseActionFilters(params: SearchParams): ActionFilters {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return actionFiltersSchema.parse({
    section: first(params.section),
    group: first(params.group),
    org: first(params.org),
    status: first(params.status),
    priority: first(params.priority),
    retired: first(params.retired),
    q: first(params.q),
    page: first(params.page) ?? 1,
  });
}

// Rebuilds a query string from filters, for pagination and "clear" links.
export function filtersToQuery(filters: Partial<ActionFilters>): string {
  const params = new URLSearchParams();
  if (filters.section) params.set("section", filters.section);
  if (filters.group) params.set("group", filters.group);
  if (filters.org) params.set("org", filters.org);
  if (filters.status) params.set("status", filters.status);
  if (filters.priority) params.set("priority", "1");
  if (filters.retired) params.set("retired", "1");
  if (filters.q) params.set("q", filters.q);
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  const s = params.toString();
  return s ? `?${s}` : "";
}
