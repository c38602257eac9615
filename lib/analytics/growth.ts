import type { EmploymentFigure } from "./figure";

// Change between two years, absolute and in percent, year over year or over
// any span. A change computed from figures carries their caveats along: the
// lower coverage of the two, and whether either was partial, estimated or
// incomplete, because a change between a full and a partial figure is mostly
// the suppression, not the economy.

export interface Growth {
  from: number;
  to: number;
  absolute: number;
  /** (to − from) / from × 100; null when `from` is 0. */
  percent: number | null;
}

export interface SpanGrowth extends Growth {
  fromYear: number;
  toYear: number;
  /** Compound annual growth rate in percent over the span; null when either end is 0 or the span is empty. */
  annualRate: number | null;
}

export function growth(from: number, to: number): Growth {
  return { from, to, absolute: to - from, percent: from === 0 ? null : ((to - from) / from) * 100 };
}

export interface YearValue {
  year: number;
  value: number;
}

/** The change from `fromYear` to `toYear`; null when either year is missing from the series. */
export function spanGrowth(series: readonly YearValue[], fromYear: number, toYear: number): SpanGrowth | null {
  const a = series.find((p) => p.year === fromYear);
  const b = series.find((p) => p.year === toYear);
  if (!a || !b) return null;
  const years = toYear - fromYear;
  const annualRate = years > 0 && a.value > 0 && b.value > 0 ? (Math.pow(b.value / a.value, 1 / years) - 1) * 100 : null;
  return { ...growth(a.value, b.value), fromYear, toYear, annualRate };
}

/** Each year's change from the year before, for every year whose previous year is in the series. */
export function yearOverYear(series: readonly YearValue[]): SpanGrowth[] {
  const byYear = new Map(series.map((p) => [p.year, p]));
  return [...byYear.keys()]
    .sort((x, y) => x - y)
    .filter((y) => byYear.has(y - 1))
    .map((y) => spanGrowth(series, y - 1, y)!);
}

export type FigureField = "employment" | "establishments" | "wages" | "annualPay";

export interface FigureGrowth extends SpanGrowth {
  /** The lower coverage of the two figures. */
  coverage: number;
  partial: boolean;
  estimated: boolean;
  complete: boolean;
}

/** The change of one field between two figures of the same cells; null when the field is null in either (no employment, so no pay). */
export function figureGrowth(from: EmploymentFigure, to: EmploymentFigure, field: FigureField = "employment"): FigureGrowth | null {
  const a = from[field];
  const b = to[field];
  if (a === null || b === null) return null;
  return {
    ...spanGrowth([{ year: from.year, value: a }, { year: to.year, value: b }], from.year, to.year)!,
    coverage: Math.min(from.coverage, to.coverage),
    partial: from.partial || to.partial,
    estimated: from.estimated || to.estimated,
    complete: from.complete && to.complete,
  };
}
