import Database from "better-sqlite3";

// `as` names the account the page is requested as, when a viewer cannot see it.
export type Page = { label: string; path: string; as?: "lead" | "admin" };

export const FLOOR: Page = { label: "floor (/status)", path: "/status" };

// Which metric pages to measure: the SJV plan's default metrics have no values
// yet, so only its overview is worth a run; the scale plan's 1,000 metrics are
// measured on the overview, a filtered overview and one metric's page.
export type MetricPages = "overview" | "all";

// Real ids, slugs and keys from the database the server is using, so every
// URL hits an existing record (a 404 would be measured as a fast page).
export function pickPlanAndPages(dbFile: string, which: MetricPages): { planId: number; planSlug: string; pages: Page[] } {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const one = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T | undefined;
    // Same order as listPlans(): the plan the home page sends people to.
    const plan = one<{ id: number; slug: string }>(
      "select id, slug from plans order by case status when 'active' then 0 when 'draft' then 1 else 2 end, period_start desc, id limit 1",
    );
    if (!plan) throw new Error(`No plan in ${dbFile}`);
    const cluster = one<{ key: string }>("select key from sections where plan_id = ? and parent_id is null order by kind = 'cluster' desc, position, id limit 1", plan.id);
    const live = "plan_id = ? and retired_at is null";
    const count = one<{ n: number }>(`select count(*) n from actions where ${live}`, plan.id)?.n ?? 0;
    const action = one<{ id: number }>(`select id from actions where ${live} order by id limit 1 offset ?`, plan.id, Math.floor(count / 2));
    // The busiest organization: the worst case for its detail page.
    const org = one<{ slug: string }>(
      "select o.slug from organizations o join action_champions ac on ac.organization_id = o.id group by o.id order by count(*) desc, o.id limit 1",
    );
    // The SJV plan has no on_track actions yet: fall back to its commonest status so the filter returns rows.
    const hasOnTrack = (one<{ n: number }>(`select count(*) n from actions where ${live} and status = 'on_track'`, plan.id)?.n ?? 0) > 0;
    const status = hasOnTrack ? "on_track" : (one<{ status: string }>(`select status from actions where ${live} group by status order by count(*) desc limit 1`, plan.id)?.status ?? "on_track");
    const q =
      ["workforce", "industry", "training", "regional"].find(
        (w) => (one<{ n: number }>(`select count(*) n from actions where ${live} and status = ? and (text like ? or title like ?)`, plan.id, status, `%${w}%`, `%${w}%`)?.n ?? 0) > 0,
      ) ?? "workforce";
    if (!cluster || !action || !org) throw new Error(`Incomplete data in ${dbFile}: cluster=${cluster?.key} action=${action?.id} org=${org?.slug}`);
    const p = `/plans/${plan.slug}`;
    // Metrics (#5): the overview judges every metric of the plan on each request, so its cost grows with their number.
    const metricPages: Page[] = [{ label: "metrics overview", path: `${p}/metrics` }];
    if (which === "all") {
      // The worst case for a metric's page: the longest history, with interim targets if any has them.
      const metric = one<{ key: string }>(
        `select m.key from metrics m join measurements x on x.metric_id = m.id and x.superseded_at is null
         where m.plan_id = ? and m.retired_at is null group by m.id order by count(*) desc, m.interim_targets <> '[]' desc, m.id limit 1`,
        plan.id,
      );
      if (!metric) throw new Error(`Incomplete data in ${dbFile}: plan ${plan.slug} has no metric with measurements`);
      metricPages.push({ label: "metrics off track", path: `${p}/metrics?status=off_track` }, { label: "metric detail", path: `${p}/metrics/${metric.key}` });
    }
    return { planId: plan.id, planSlug: plan.slug, pages: [
      { label: "plans", path: "/plans" },
      { label: "plan dashboard", path: p },
      { label: "actions", path: `${p}/actions` },
      { label: "actions filtered", path: `${p}/actions?status=${status}&q=${q}` },
      { label: "section (cluster)", path: `${p}/sections/${cluster.key}` },
      { label: "targets", path: `${p}/targets` },
      { label: "action detail", path: `/actions/${action.id}` },
      { label: "organizations", path: "/organizations" },
      { label: "organization detail", path: `/organizations/${org.slug}` },
      { label: "export (JSON API)", path: `/api/plans/${plan.slug}/export` },
      // The quarterly loop: a lead of every work group of the plan (all its actions), and staff.
      { label: "my quarter", path: "/my-quarter", as: "lead" },
      { label: "tracker", path: `${p}/tracker`, as: "admin" },
      { label: "review queue", path: `${p}/review`, as: "admin" },
      ...metricPages,
    ] };
  } finally {
    db.close();
  }
}

