import type { MetricFrequency } from "@/db/schema/enums";

// Measurement periods are calendar years ("2014") or calendar quarters
// ("2014 Q2"). The label is what people type and read; the start and end
// dates are what the status and the charts compute with. Calendar quarters
// have fixed first and last days, so the dates come from a table rather than
// from date arithmetic (forms list dozens of periods for every metric shown).

export interface MeasurementPeriod {
  label: string;
  frequency: MetricFrequency;
  start: string;
  end: string;
}

const YEAR = /^(\d{4})$/;
// "2014 Q2", "2014-Q2", "2014Q2", "Q2 2014" (any case) all mean the same quarter.
const QUARTER = /^(?:(\d{4})\s*-?\s*Q([1-4])|Q([1-4])\s*-?\s*(\d{4}))$/i;
const QUARTER_DAYS = [
  ["01-01", "03-31"],
  ["04-01", "06-30"],
  ["07-01", "09-30"],
  ["10-01", "12-31"],
] as const;

export function quarterLabel(year: number, quarter: number) {
  return `${year} Q${quarter}`;
}

const yearPeriod = (year: number): MeasurementPeriod => ({ label: String(year), frequency: "annual", start: `${year}-01-01`, end: `${year}-12-31` });
const quarterPeriod = (year: number, quarter: number): MeasurementPeriod => {
  const [first, last] = QUARTER_DAYS[quarter - 1]!;
  return { label: quarterLabel(year, quarter), frequency: "quarterly", start: `${year}-${first}`, end: `${year}-${last}` };
};

/** Reads a period label; null when it is neither a year nor a quarter. */
export function parsePeriodLabel(text: string): MeasurementPeriod | null {
  const s = text.trim();
  const y = YEAR.exec(s);
  const q = y ? null : QUARTER.exec(s);
  const year = Number(y ? y[1] : q ? (q[1] ?? q[4]) : NaN);
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return null;
  return y ? yearPeriod(year) : quarterPeriod(year, Number(q![2] ?? q![3]));
}

// Year and quarter of an ISO day ("2026-11-22" is 2026, Q4).
const yearOf = (isoDay: string) => Number(isoDay.slice(0, 4));
const quarterOf = (isoDay: string) => Math.floor((Number(isoDay.slice(5, 7)) - 1) / 3) + 1;

/** The period of the given frequency that contains a date (ISO day). */
export function periodContaining(date: string, frequency: MetricFrequency): MeasurementPeriod {
  return frequency === "annual" ? yearPeriod(yearOf(date)) : quarterPeriod(yearOf(date), quarterOf(date));
}

/** The period just before one of the same frequency. */
function previousPeriod(p: MeasurementPeriod): MeasurementPeriod {
  const year = yearOf(p.start);
  if (p.frequency === "annual") return yearPeriod(year - 1);
  const quarter = quarterOf(p.start);
  return quarter === 1 ? quarterPeriod(year - 1, 4) : quarterPeriod(year, quarter - 1);
}

/**
 * Periods of a frequency from the one containing `from` to the one containing
 * `to`, newest first: the choices a measurement form offers.
 */
export function periodsBetween(from: string, to: string, frequency: MetricFrequency, limit = 200): MeasurementPeriod[] {
  const out: MeasurementPeriod[] = [];
  const first = periodContaining(from, frequency);
  for (let current = periodContaining(to, frequency); current.start >= first.start && out.length < limit; current = previousPeriod(current)) out.push(current);
  return out;
}

/**
 * The period a new measurement is most likely for, seen from `today`: the last
 * complete period (data for a quarter or a year arrives after it ends).
 */
export function likelyNextPeriod(today: string, frequency: MetricFrequency): MeasurementPeriod {
  return previousPeriod(periodContaining(today, frequency));
}

export const todayIso = () => new Date().toISOString().slice(0, 10);
