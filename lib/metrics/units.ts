import type { MetricUnit } from "@/db/schema/enums";

// Unit labels and value formatting. Free of server-only imports: the chart and
// the forms use it as well.

export const UNIT_LABELS: Record<MetricUnit, string> = {
  count: "Count",
  jobs: "Jobs",
  usd: "US dollars",
  percent: "Percent",
  other: "Other (name it)",
};

const plain = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const compactUsd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 1 });
const fullUsd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
// Formatters are costly to build, so each is built once.
const exact = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });

/** A value as a sentence shows it: "1,240 jobs", "$228.6B", "41%", "12 acres". */
export function formatValue(value: number, unit: MetricUnit, unitLabel: string | null = null, opts: { compact?: boolean } = {}): string {
  switch (unit) {
    case "usd":
      return Math.abs(value) >= 1_000_000 || opts.compact ? compactUsd.format(value) : fullUsd.format(value);
    case "percent":
      return `${plain.format(value)}%`;
    case "jobs":
      return `${opts.compact ? compact.format(value) : plain.format(value)} ${value === 1 ? "job" : "jobs"}`;
    case "other":
      return `${opts.compact ? compact.format(value) : plain.format(value)}${unitLabel ? ` ${unitLabel}` : ""}`;
    case "count":
      return opts.compact ? compact.format(value) : plain.format(value);
  }
}

/** A value for a table cell or an axis: the number alone, with $ or % where they belong. */
export function formatAxisValue(value: number, unit: MetricUnit): string {
  if (unit === "usd") return compactUsd.format(value);
  if (unit === "percent") return `${plain.format(value)}%`;
  return Math.abs(value) >= 10_000 ? compact.format(value) : plain.format(value);
}

/** A value exactly as stored, for data tables and downloads (no rounding beyond 6 places). */
export function formatExact(value: number): string {
  return exact.format(value);
}

export function unitName(unit: MetricUnit, unitLabel: string | null): string {
  return unit === "other" ? (unitLabel ?? "value") : UNIT_LABELS[unit].toLowerCase();
}
