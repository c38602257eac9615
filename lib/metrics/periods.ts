import { addQuarters, addYears, endOfQuarter, endOfYear, formatISO, getQuarter, getYear, parseISO, startOfQuarter, startOfYear } from "date-fns";
import type { MetricFrequency } from "@/db/schema/enums";

// Measurement periods are calendar years ("2014") or calendar quarters
// ("2014 Q2"). The label is what people type and read; the start and end
// dates are what the status and the charts compute with.

export interface MeasurementPeriod {
  label: string;
  frequency: MetricFrequency;
  start: string;
  end: string;
}

const YEAR = /^(\d{4})$/;
// "2014 Q2", "2014-Q2", "2014Q2", "Q2 2014" (any case) all mean the same quarter.
const QUARTER = /^(?:(\d{4})\s*-?\s*Q([1-4])|Q([1-4])\s*-?\s*(\d{4}))$/i;

const isoDay = (d: Date) => formatISO(d, { representation: "date" });
// date-fns works in local time; building dates from parts keeps the calendar day whatever the zone.
const dayOf = (year: number, monthIndex: number, day = 1) => new Date(year, monthIndex, day);

export function quarterLabel(year: number, quarter: number) {
  return `${year} Q${quarter}`;
}

/** Reads a period label; null when it is neither a year nor a quarter. */
export function parsePeriodLabel(text: string): MeasurementPeriod | null {
  const s = text.trim();
  const y = YEAR.exec(s);
  if (y) {
    const year = Number(y[1]);
    if (year < 1900 || year > 2200) return null;
    const d = dayOf(year, 0);
    return { label: String(year), frequency: "annual", start: isoDay(startOfYear(d)), end: isoDay(endOfYear(d)) };
  }
  const q = QUARTER.exec(s);
  if (q) {
    const year = Number(q[1] ?? q[4]);
    const quarter = Number(q[2] ?? q[3]);
    if (year < 1900 || year > 2200) return null;
    const d = dayOf(year, (quarter - 1) * 3);
    return { label: quarterLabel(year, quarter), frequency: "quarterly", start: isoDay(startOfQuarter(d)), end: isoDay(endOfQuarter(d)) };
  }
  return null;
}

/** The period of the given frequency that contains a date (ISO day). */
export function periodContaining(date: string, frequency: MetricFrequency): MeasurementPeriod {
  const d = parseISO(date);
  return parsePeriodLabel(frequency === "annual" ? String(getYear(d)) : quarterLabel(getYear(d), getQuarter(d)))!;
}

/**
 * Periods of a frequency from the one containing `from` to the one containing
 * `to`, newest first: the choices a measurement form offers.
 */
export function periodsBetween(from: string, to: string, frequency: MetricFrequency, limit = 200): MeasurementPeriod[] {
  const out: MeasurementPeriod[] = [];
  const first = periodContaining(from, frequency);
  let current = periodContaining(to, frequency);
  while (current.start >= first.start && out.length < limit) {
    out.push(current);
    const previous = frequency === "annual" ? addYears(parseISO(current.start), -1) : addQuarters(parseISO(current.start), -1);
    current = periodContaining(isoDay(previous), frequency);
  }
  return out;
}

/**
 * The period a new measurement is most likely for, seen from `today`: the last
 * complete period (data for a quarter or a year arrives after it ends).
 */
export function likelyNextPeriod(today: string, frequency: MetricFrequency): MeasurementPeriod {
  const now = periodContaining(today, frequency);
  const before = frequency === "annual" ? addYears(parseISO(now.start), -1) : addQuarters(parseISO(now.start), -1);
  return periodContaining(isoDay(before), frequency);
}

export const todayIso = () => new Date().toISOString().slice(0, 10);
