import type { Cell, Column, Table } from "@/lib/spreadsheets/write";
import type { EmploymentFigure } from "./figure";
import { growth, type Growth } from "./growth";
import type { PlanFigures } from "./plan-figures";
import type { NotDecomposableReason } from "./shift-share";

// What the analytics pages and their downloads show, as plain rows: the web
// tables and the CSV/XLSX files are built from the same rows, so a download
// holds exactly the figures on the page.

export const OVERVIEW_SORTS = ["cluster", "employment", "share", "growth", "lq", "shift"] as const;
export type OverviewSort = (typeof OVERVIEW_SORTS)[number];

export interface OverviewRow {
  key: string;
  name: string;
  figure: EmploymentFigure;
  /** Share of the region's employment (same ownerships); null when the total is unknown. */
  share: number | null;
  /** From the first complete year to the year shown; null with one year only. */
  growth: (Growth & { fromYear: number }) | null;
  lq: number | null;
  /** Regional (competitive) shift over the shift-share span; null without one. */
  shift: number | null;
  /** Codes the shift-share could not split (suppressed, no reference data...). */
  shiftPartial: boolean;
}

export function overviewRows(f: PlanFigures, year: number): OverviewRow[] {
  const yi = f.years.indexOf(year);
  const share = f.share[yi];
  const firstComplete = f.completeYears.find((y) => y < year);
  return f.clusters.map((c) => {
    const at = c.years[yi]!.region;
    const first = firstComplete === undefined ? undefined : c.years[f.years.indexOf(firstComplete)]!.region;
    const ss = f.shiftShare[c.key];
    return {
      key: c.key,
      name: c.name,
      figure: at,
      share: share?.byCluster.find((b) => b.key === c.key)?.share ?? null,
      growth: first ? { ...growth(first.employment, at.employment), fromYear: firstComplete! } : null,
      lq: f.lq[c.key]?.[yi]?.lq ?? null,
      shift: ss && ss.toYear === year ? ss.decomposed.regional : null,
      shiftPartial: Boolean(ss && ss.notDecomposable.length > 0),
    };
  });
}

const sortValue: Record<Exclude<OverviewSort, "cluster">, (r: OverviewRow) => number | null> = {
  employment: (r) => r.figure.employment,
  share: (r) => r.share,
  growth: (r) => r.growth?.percent ?? null,
  lq: (r) => r.lq,
  shift: (r) => r.shift,
};

/** Sorted by a column; rows without a value go last either way. */
export function sortOverview(rows: OverviewRow[], sort: OverviewSort, descending: boolean): OverviewRow[] {
  if (sort === "cluster") return [...rows].sort((a, b) => (descending ? -1 : 1) * a.name.localeCompare(b.name));
  const value = sortValue[sort];
  return [...rows].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
    return descending ? y - x : x - y;
  });
}

const round = (x: number | null, digits = 0) => (x === null ? null : Number(x.toFixed(digits)));
const pct = (x: number | null) => (x === null ? null : Number((x * 100).toFixed(2)));

export function overviewTable(f: PlanFigures, year: number): Table {
  const columns: Column[] = [
    { header: "Cluster", width: 30 },
    { header: "Year", width: 6 },
    { header: "Employment", width: 12 },
    { header: "Establishments", width: 14 },
    { header: "Average annual pay (USD)", width: 14 },
    { header: "Share of region employment (%)", width: 14 },
    { header: "Growth from", width: 8 },
    { header: "Growth (jobs)", width: 12 },
    { header: "Growth (%)", width: 10 },
    { header: `Location quotient vs ${f.setup.reference?.title ?? "reference"}`, width: 14 },
    { header: "Regional (competitive) shift (jobs)", width: 16 },
    { header: "Coverage: establishments disclosed (%)", width: 14 },
    { header: "Suppressed cells", width: 10 },
    { header: "Estimated", width: 10 },
  ];
  const rows: Cell[][] = overviewRows(f, year).map((r) => [
    r.name,
    year,
    round(r.figure.employment),
    round(r.figure.establishments),
    round(r.figure.annualPay),
    pct(r.share),
    r.growth?.fromYear ?? null,
    round(r.growth?.absolute ?? null),
    round(r.growth?.percent ?? null, 2),
    round(r.lq, 3),
    round(r.shift),
    pct(r.figure.coverage),
    r.figure.suppressedCells,
    r.figure.estimated ? "yes" : "no",
  ]);
  return { sheetName: "Clusters", columns, rows };
}

export const NOT_DECOMPOSABLE: Record<NotDecomposableReason, string> = {
  "no-reference-total": "the reference area's all-industry total is missing",
  "no-reference-data": "no reference data for this industry",
  "no-region-data": "no data for some of the region's areas",
  "reference-zero": "the reference area had none of this industry at the start",
  suppressed: "suppressed cells (turn on estimates to include it)",
};

/** The tables of one cluster's page, each also a sheet of its download. */
export function clusterTables(f: PlanFigures, key: string, year: number, areaTitle: (code: string) => string, industryTitle: (code: string) => string): Table[] {
  const c = f.clusters.find((x) => x.key === key);
  if (!c) return [];
  const yi = f.years.indexOf(year);
  const at = c.years[yi]!;
  const trend: Table = {
    sheetName: "Employment by year",
    columns: [
      { header: "Year" },
      { header: "Employment", width: 12 },
      { header: "Change (jobs)", width: 12 },
      { header: "Change (%)", width: 10 },
      { header: `Change in ${f.setup.reference?.title ?? "the reference area"} (%)`, width: 14 },
      { header: "Coverage (%)", width: 10 },
      { header: "Complete year", width: 10 },
      { header: "Location quotient", width: 12 },
    ],
    rows: c.years.map((y, i) => {
      const prev = i > 0 ? c.years[i - 1]!.region.employment : null;
      const g = prev === null ? null : growth(prev, y.region.employment);
      // The same cluster's growth in the reference area, for comparison (from the LQ figures, which hold its employment).
      const [refPrev, ref] = [f.lq[key]?.[i - 1]?.reference, f.lq[key]?.[i]?.reference];
      const refGrowth = refPrev && ref && refPrev.employment > 0 ? growth(refPrev.employment, ref.employment).percent : null;
      return [y.year, round(y.region.employment), round(g?.absolute ?? null), round(g?.percent ?? null, 2), round(refGrowth, 2), pct(y.region.coverage), y.region.complete ? "yes" : "no", round(f.lq[key]?.[i]?.lq ?? null, 3)];
    }),
  };
  const counties: Table = {
    sheetName: `Areas ${year}`,
    columns: [{ header: "Area", width: 30 }, { header: "Code" }, { header: "Employment", width: 12 }, { header: "Share of the cluster (%)", width: 12 }, { header: "Establishments", width: 12 }, { header: "Average annual pay (USD)", width: 14 }, { header: "Coverage (%)", width: 10 }, { header: "Suppressed cells", width: 10 }],
    rows: Object.entries(at.areas).map(([code, a]) => [areaTitle(code), code, round(a.employment), at.region.employment > 0 ? pct(a.employment / at.region.employment) : null, round(a.establishments), round(a.annualPay), pct(a.coverage), a.suppressedCells]),
  };
  const components: Table = {
    sheetName: `Components ${year}`,
    columns: [{ header: "Value-chain component", width: 36 }, { header: "Employment", width: 12 }, { header: "Establishments", width: 12 }, { header: "Average annual pay (USD)", width: 14 }, { header: "Coverage (%)", width: 10 }],
    rows: at.components.map((k) => [k.name, round(k.region.employment), round(k.region.establishments), round(k.region.annualPay), pct(k.region.coverage)]),
  };
  const ss = f.shiftShare[key];
  const shift: Table = {
    sheetName: "Shift-share",
    columns: [{ header: "NAICS" }, { header: "Industry", width: 40 }, { header: "From year" }, { header: "To year" }, { header: "Employment at start", width: 12 }, { header: "Employment at end", width: 12 }, { header: "Change", width: 10 }, { header: "Reference share", width: 12 }, { header: "Industry mix", width: 12 }, { header: "Regional shift", width: 12 }, { header: "Not split because", width: 40 }],
    rows: ss
      ? ss.byCode.map((x): Cell[] =>
          x.decomposable
            ? [x.code, industryTitle(x.code), ss.fromYear, ss.toYear, round(x.input.e0), round(x.input.e1), round(x.parts.change), round(x.parts.national), round(x.parts.industryMix), round(x.parts.regional), null]
            : [x.code, industryTitle(x.code), ss.fromYear, ss.toYear, null, null, null, null, null, null, NOT_DECOMPOSABLE[x.reason]],
        )
      : [],
  };
  return [trend, counties, components, shift];
}
