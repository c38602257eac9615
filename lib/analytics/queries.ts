import { desc, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { employmentImports, industries } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getPlanBySlug } from "@/lib/plans/queries";
import type { Table } from "@/lib/spreadsheets/write";
import { planFigures, type PlanFigures } from "./plan-figures";
import { clusterTables, overviewTable } from "./views";

// Reads for the analytics pages and downloads: which year and whether
// estimates are on come from the page's query string, checked here.

export interface AnalyticsView {
  figures: PlanFigures;
  /** The year shown: the one asked for if it has data, else the latest complete year, else the latest. */
  year: number | null;
  estimate: boolean;
}

export function analyticsView(planId: number, params: Record<string, string | string[] | undefined>): AnalyticsView {
  const estimate = params.estimate === "1";
  const figures = planFigures(planId, estimate);
  const asked = Number(params.year);
  const year = figures.years.includes(asked) ? asked : (figures.completeYears.at(-1) ?? figures.years.at(-1) ?? null);
  return { figures, year, estimate };
}

export function industryTitles(codes: string[]): Map<string, string> {
  if (codes.length === 0) return new Map();
  return new Map(getDb().select().from(industries).where(inArray(industries.code, codes)).all().map((i) => [i.code, i.title]));
}

export function recentImports(limit = 20) {
  return getDb().select().from(employmentImports).orderBy(desc(employmentImports.id)).limit(limit).all();
}

/** The overview's table, or one cluster's tables, as a download. */
export function analyticsExport(actor: Actor, planSlug: string, params: Record<string, string | undefined>): { tables: [Table, ...Table[]]; fileName: string } {
  authorize(actor, "plan.read");
  const plan = getPlanBySlug(planSlug);
  if (!plan) throw new AppError("NOT_FOUND", "No such plan.");
  const { figures, year, estimate } = analyticsView(plan.id, params);
  if (year === null) throw new AppError("NOT_FOUND", "No employment data has been imported for this plan's region yet.");
  const suffix = `${year}${estimate ? " estimated" : ""}`;
  if (!params.cluster) return { tables: [overviewTable(figures, year)], fileName: `${plan.slug} cluster employment ${suffix}` };
  const cluster = figures.clusters.find((c) => c.key === params.cluster);
  if (!cluster) throw new AppError("NOT_FOUND", "No such cluster.");
  const areaTitles = new Map(figures.setup.areas.map((a) => [a.code, a.title]));
  const titles = industryTitles(cluster.codes);
  const all = clusterTables(figures, cluster.key, year, (c) => areaTitles.get(c) ?? c, (c) => titles.get(c) ?? "");
  // ?table=N puts that table first: the one a CSV holds (an XLSX holds them all, one sheet each).
  const n = Number(params.table);
  const chosen = Number.isInteger(n) && n >= 0 && n < all.length ? n : 0;
  const tables = [all[chosen]!, ...all.filter((_, i) => i !== chosen)] as [Table, ...Table[]];
  return { tables, fileName: `${plan.slug} ${cluster.key} ${chosen ? tables[0].sheetName : "employment"} ${suffix}` };
}
