import { addDays, differenceInCalendarDays, formatISO, parseISO } from "date-fns";
import type { MetricDirection, MetricFrequency, MetricScope, MetricUnit } from "@/db/schema/enums";
import { likelyNextPeriod, parsePeriodLabel, periodsBetween, type MeasurementPeriod } from "@/lib/metrics/periods";
import { expectedAt, judgeMetric, targetPath, type MetricJudgement, type PathPoint } from "@/lib/metrics/status";
import type { MetricDoc } from "@/lib/plans/document-schema";
import { CLUSTER_NAMES, pad, prng, sentence, type Rng } from "./random";

// The metrics of the scale plan: the "1,000 metrics × 40 measurements".
//
// Measurements must lie inside the plan's span and must not be for a period
// that has not started, and a bench run should judge the same mix of statuses
// whenever it runs. So everything is placed relative to `today`: the last
// complete quarter (and year) is where fresh series end, and the plan's span
// runs from 1 January twelve years before that quarter's year to 31 December
// four years after it (room for target dates).
//
// Series lengths: every metric has a value for every period of its frequency
// from the start of the span to its own last period ("as many as fit").
// Quarterly metrics (85%) so have 41–52 values (at least 40 even when stale);
// annual ones have 8–13, as a 40-year plan would be absurd. The span is sized
// so the total stays above 40,000 (about 43,000): slightly more than the
// issue's figure, never less.

export const SCALE_METRICS = { metrics: 1_000, minMeasurements: 40_000, minPerQuarterly: 40 };
const YEARS_BACK = 12;
const YEARS_AHEAD = 4;

export interface MetricsSpan {
  periodStart: string;
  periodEnd: string;
  quarters: MeasurementPeriod[]; // oldest first, up to the last complete quarter
  years: MeasurementPeriod[]; // oldest first, up to the last complete year
}

export function metricsSpan(today: string): MetricsSpan {
  const lastQuarter = likelyNextPeriod(today, "quarterly");
  const year = Number(lastQuarter.start.slice(0, 4));
  const periodStart = `${year - YEARS_BACK}-01-01`;
  const upTo = (last: MeasurementPeriod) => periodsBetween(periodStart, last.start, last.frequency, 500).reverse();
  return { periodStart, periodEnd: `${year + YEARS_AHEAD}-12-31`, quarters: upTo(lastQuarter), years: upTo(likelyNextPeriod(today, "annual")) };
}

// What a metric is built to be judged as; the unit test checks the app's judgeMetric agrees.
export type Intent = { status: "on_track" | "behind" | "off_track" | "no_target"; stale: boolean };

// What the plan offers to attach metrics to (document keys and action codes).
export interface Attachables {
  clusters: string[];
  components: string[];
  workGroups: string[];
  actions: string[];
  organizations: string[];
}

interface Kind {
  unit: MetricUnit;
  unitLabel?: string;
  name: string;
  direction: MetricDirection;
  base: [number, number];
}

// Realistic things a cluster plan tracks, in both directions. Bases keep
// whole-number units >= 200 so rounding a value never changes its status.
const KINDS: Kind[] = [
  { unit: "jobs", name: "cluster employment", direction: "up", base: [2_000, 60_000] },
  { unit: "jobs", name: "jobs at assisted firms", direction: "up", base: [300, 5_000] },
  { unit: "count", name: "businesses assisted", direction: "up", base: [200, 3_000] },
  { unit: "count", name: "apprentices placed", direction: "up", base: [200, 2_000] },
  { unit: "count", name: "vacant industrial parcels", direction: "down", base: [400, 1_500] },
  { unit: "usd", name: "private investment attracted", direction: "up", base: [1e6, 5e8] },
  { unit: "usd", name: "export sales", direction: "up", base: [5e6, 9e8] },
  { unit: "usd", name: "energy costs of member firms", direction: "down", base: [1e6, 2e8] },
  { unit: "percent", name: "share of workers with an industry credential", direction: "up", base: [10, 55] },
  { unit: "percent", name: "broadband adoption", direction: "up", base: [20, 60] },
  { unit: "percent", name: "unemployment rate", direction: "down", base: [8, 20] },
  { unit: "other", unitLabel: "acres", name: "acres under drip irrigation", direction: "up", base: [1_000, 90_000] },
  { unit: "other", unitLabel: "megawatts", name: "renewable capacity installed", direction: "up", base: [200, 4_000] },
  { unit: "other", unitLabel: "acre-feet", name: "groundwater overdraft", direction: "down", base: [5_000, 80_000] },
];
const UNIT_WEIGHTS: [MetricUnit, number][] = [["jobs", 25], ["count", 25], ["usd", 20], ["percent", 20], ["other", 10]];
// ~70% have a baseline and a target; of those about 45% on track, 25% behind, 30% off track.
const INTENT_WEIGHTS: [Intent["status"], number][] = [["on_track", 31.5], ["behind", 17.5], ["off_track", 21], ["no_target", 30]];
const SCOPE_WEIGHTS: [MetricScope, number][] = [["plan", 8], ["section", 37], ["work_group", 20], ["action", 35]];
const SOURCES = ["State employment department", "County business survey", "Cluster partner reports", "Census of agriculture", "Utility filings"];

const isoDay = (d: Date) => formatISO(d, { representation: "date" });

// Stored values look like entered ones: whole units, cents-free dollars, percents to 2 places.
// `toward` rounds in the good or bad direction so the latest value keeps its intended status.
function rounded(v: number, unit: MetricUnit, toward: "up" | "down" | "nearest" = "nearest") {
  const step = unit === "percent" ? 100 : 1;
  const f = toward === "up" ? Math.ceil : toward === "down" ? Math.floor : Math.round;
  return f(v * step) / step;
}

function attach(r: Rng, scope: MetricScope, at: Attachables): Pick<MetricDoc, "section" | "action" | "workGroup"> {
  if (scope === "action") return { section: null, action: r.pick(at.actions), workGroup: null };
  const owningGroup = r.next() < 0.3 ? r.pick(at.workGroups) : null;
  if (scope === "section") return { section: r.next() < 0.4 ? r.pick(at.clusters) : r.pick(at.components), action: null, workGroup: owningGroup };
  if (scope === "work_group") return { section: null, action: null, workGroup: r.pick(at.workGroups) };
  return { section: null, action: null, workGroup: owningGroup };
}

// The target path: baseline, optional interim steps (bent off the straight line), target.
function pathFor(r: Rng, kind: Kind, series: MeasurementPeriod[], span: MetricsSpan, frequency: MetricFrequency) {
  const n = series.length;
  const b = rounded(r.between(...kind.base), kind.unit);
  const t =
    kind.unit === "percent"
      ? kind.direction === "up"
        ? Math.min(90, b + r.between(5, 30))
        : Math.max(5, b - r.between(2, b / 2))
      : b * (kind.direction === "up" ? 1 + r.between(0.1, 0.8) : 1 - r.between(0.1, 0.5));
  const baseline: PathPoint = { date: r.next() < 0.1 ? span.periodStart : series[r.int(0, frequency === "quarterly" ? 6 : 2)]!.end, value: b };
  // Mostly still ahead (up to the end of the span); some already passed, judged against the target itself.
  const targetDate = r.next() < 0.85 ? `${Number(span.periodEnd.slice(0, 4)) - r.int(0, YEARS_AHEAD - 1)}-12-31` : series[n - (frequency === "quarterly" ? r.int(2, 6) : r.int(2, 3))]!.end;
  const target: PathPoint = { date: targetDate, value: rounded(t, kind.unit) };
  const interim: PathPoint[] = [];
  if (r.next() < 0.3) {
    const days = differenceInCalendarDays(parseISO(target.date), parseISO(baseline.date));
    const k = r.int(1, 3);
    for (let j = 1; j <= k; j++) {
      const share = j / (k + 1);
      const straight = b + (target.value - b) * share;
      const bent = straight * (1 + (r.next() < 0.5 ? -1 : 1) * r.between(0.03, 0.12));
      // Percents stay within 5–90 so a value 8% beyond the path is still <= 100.
      const value = kind.unit === "percent" ? Math.min(90, Math.max(5, bent)) : bent;
      interim.push({ date: isoDay(addDays(parseISO(baseline.date), Math.round(days * share))), value: rounded(value, kind.unit) });
    }
  }
  return { baseline, target, interim };
}

function metricDoc(r: Rng, i: number, span: MetricsSpan, at: Attachables): { doc: MetricDoc; intent: Intent } {
  const unit = r.weighted(UNIT_WEIGHTS);
  const kind = r.pick(KINDS.filter((k) => k.unit === unit));
  const frequency: MetricFrequency = r.next() < 0.15 ? "annual" : "quarterly";
  const stale = r.next() < 0.12;
  // Fresh series end in the last complete period or the one before; stale ones well before the staleness limit (6 months / 24 months).
  const lag = stale ? (frequency === "quarterly" ? r.int(4, 8) : r.int(2, 4)) : r.next() < 0.15 ? 1 : 0;
  const all = frequency === "quarterly" ? span.quarters : span.years;
  const series = all.slice(0, all.length - lag);
  const intent: Intent = { status: r.weighted(INTENT_WEIGHTS), stale };
  const tolerancePercent = r.pick([5, 10, 10, 15, 20]);
  const good = kind.direction === "up" ? 1 : -1;

  let values: number[];
  let baseline: PathPoint | null = null;
  let target: PathPoint | null = null;
  let interimTargets: PathPoint[] = [];
  if (intent.status === "no_target") {
    const b = r.between(...kind.base);
    if (r.next() < 0.5) baseline = { date: series[0]!.end, value: rounded(b, unit) };
    const trend = r.between(-0.2, 0.4);
    values = series.map((_, k) => rounded(b * (1 + (trend * k) / (series.length - 1) + r.between(-0.03, 0.03)), unit));
  } else {
    ({ baseline, target, interim: interimTargets } = pathFor(r, kind, series, span, frequency));
    const path = targetPath(baseline, interimTargets, target);
    // The latest value's distance from the path, in the good direction, as a share of the expected value:
    // on track just beyond it; behind within the tolerance; off track well past it.
    const last =
      intent.status === "on_track" ? r.between(0.01, 0.08) : intent.status === "behind" ? -r.between(0.25, 0.75) * (tolerancePercent / 100) : -r.between(1.5, 3) * (tolerancePercent / 100);
    const n = series.length;
    values = series.map((p, k) => {
      const expected = expectedAt(path, p.end)!;
      const drift = last * (k / (n - 1)) ** 1.5 + (k === n - 1 ? 0 : r.between(-0.02, 0.02));
      const toward = k < n - 1 || intent.status === "behind" ? "nearest" : (intent.status === "on_track") === (good > 0) ? "up" : "down";
      return rounded(expected * (1 + good * drift), unit, toward);
    });
  }

  const doc: MetricDoc = {
    key: `metric-${pad(i + 1, 4)}`,
    name: `${r.pick(CLUSTER_NAMES)} ${kind.name}`,
    description: r.next() < 0.7 ? sentence(r, r.int(8, 25)) : null,
    scope: r.weighted(SCOPE_WEIGHTS),
    section: null,
    action: null,
    workGroup: null,
    unit,
    unitLabel: kind.unitLabel ?? null,
    direction: kind.direction,
    baseline,
    target,
    interimTargets,
    tolerancePercent,
    frequency,
    source: r.next() < 0.8 ? r.pick(SOURCES) : null,
    method: r.next() < 0.5 ? sentence(r, r.int(10, 30)) : null,
    owner: r.next() < 0.6 ? r.pick(at.organizations) : null,
    ownerPerson: r.next() < 0.3 ? `Person ${r.int(1, 900)}` : null,
    retiredAt: null,
    measurements: series.map((p, k) => ({ period: p.label, value: values[k]!, note: r.next() < 0.05 ? sentence(r, r.int(5, 15)) : null, source: null })),
  };
  Object.assign(doc, attach(r, doc.scope, at));
  return { doc, intent };
}

// A seed per metric, apart from the plan's: the rest of the scale plan is the
// same with or without metrics, and a metric's kind and status do not depend
// on how many periods the other metrics drew values for (which varies with today).
export function scaleMetrics(today: string, at: Attachables): { metrics: MetricDoc[]; intents: Map<string, Intent> } {
  const span = metricsSpan(today);
  const metrics: MetricDoc[] = [];
  const intents = new Map<string, Intent>();
  for (let i = 0; i < SCALE_METRICS.metrics; i++) {
    const { doc, intent } = metricDoc(prng(100_000 + i), i, span, at);
    metrics.push(doc);
    intents.set(doc.key, intent);
  }
  return { metrics, intents };
}

// How the app will judge a metric document (lib/metrics/queries.ts judge(), from the same fields).
export function judgeMetricDoc(m: MetricDoc, today: string): MetricJudgement {
  return judgeMetric({
    direction: m.direction,
    unit: m.unit,
    unitLabel: m.unitLabel,
    frequency: m.frequency,
    baseline: m.baseline,
    target: m.target,
    interimTargets: m.interimTargets,
    tolerancePercent: m.tolerancePercent,
    measurements: m.measurements.map((x) => {
      const p = parsePeriodLabel(x.period)!;
      return { periodLabel: p.label, periodEnd: p.end, value: x.value };
    }),
    today,
  });
}

export type StatusMix = Record<MetricJudgement["status"] | "stale", number>;

export function statusMix(list: MetricDoc[], today: string): StatusMix {
  const mix: StatusMix = { on_track: 0, behind: 0, off_track: 0, no_target: 0, no_data: 0, stale: 0 };
  for (const m of list) {
    const j = judgeMetricDoc(m, today);
    mix[j.status]++;
    if (j.stale) mix.stale++;
  }
  return mix;
}
