import { z } from "zod";
import { METRIC_DIRECTIONS, METRIC_FREQUENCIES, METRIC_SCOPES, METRIC_UNITS, type MetricUnit } from "@/db/schema/enums";
import { optionalDate, optionalId, optionalText, recordId, requiredText, retiredFlag, version } from "@/lib/editing/fields";
import { parsePeriodLabel } from "./periods";

// Shared by the metric forms, the measurement forms, the spreadsheet import
// and lib/metrics/service.ts, so every way in checks values the same way.

/** "1,240", "1240.5", "-3", " 41 % " (for percents). Numbers only: no words, no ranges. */
export function readNumber(text: string): number | null {
  const s = text.trim().replace(/,(?=\d{3}(\D|$))/g, "").replace(/\s*%$/, "");
  if (!/^[-−]?\d+(\.\d+)?$|^[-−]?\.\d+$/.test(s)) return null;
  const n = Number(s.replace("−", "-"));
  return Number.isFinite(n) ? n : null;
}

const numberMessage = "Enter a number, such as 1,240 or 41.5.";

export const numberField = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const n = typeof v === "number" ? v : readNumber(v);
  if (n === null || !Number.isFinite(n)) {
    ctx.addIssue({ code: "custom", message: numberMessage });
    return z.NEVER;
  }
  return n;
});

const optionalNumber = z.preprocess((v) => (v === "" || v === undefined || v === null ? null : v), numberField.nullable());

/** The unit's range; null when the value fits. */
export function unitRangeProblem(unit: MetricUnit, value: number): string | null {
  if (unit === "percent" && (value < 0 || value > 100)) return "A percent is from 0 to 100.";
  if ((unit === "count" || unit === "jobs") && value < 0) return `A ${unit === "jobs" ? "job count" : "count"} cannot be negative.`;
  if (Math.abs(value) >= 1e15) return "That number is too large.";
  return null;
}

const datedValues = z.array(z.object({ date: z.iso.date(), value: z.number() })).max(40, "Use at most 40 interim targets.");

// "2014-12-31 = 1,200" per line from the form (or a real list from code): dated steps on the way to the target.
export const interimTargetsField = z
  .union([z.string(), z.array(z.unknown())], { message: "Write one date and value per line." })
  .default("")
  .transform((v, ctx) => {
    if (Array.isArray(v)) return v;
    const out: { date: string; value: number }[] = [];
    v
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)
      .forEach((line, i) => {
        const m = /^(\d{4}-\d{2}-\d{2})\s*[=:]\s*(.+)$/.exec(line);
        const value = m ? readNumber(m[2]!) : null;
        if (!m || value === null || !z.iso.date().safeParse(m[1]).success) {
          ctx.addIssue({ code: "custom", message: `Line ${i + 1}: write a date and a value, like 2014-12-31 = 1,200.` });
          return;
        }
        out.push({ date: m[1]!, value });
      });
    return out;
  })
  .pipe(datedValues);

export const RESERVED_KEYS = new Set(["new", "export", "import", "edit"]);

export const metricFieldsSchema = z
  .object({
    key: z
      .string()
      .trim()
      .toLowerCase()
      .max(120, "Use at most 120 characters.")
      .regex(/^$|^[a-z0-9][a-z0-9._-]*$/, "Use lower-case letters, digits, “.”, “_” or “-”.")
      // These name pages under /plans/<plan>/metrics/, so a metric cannot use them.
      .refine((k) => !RESERVED_KEYS.has(k), "This word names a page; choose another key.")
      .optional()
      .transform((v) => v || null),
    name: requiredText("Give the metric a name.", 200),
    description: optionalText(5000),
    scope: z.enum(METRIC_SCOPES, { message: "Choose what the metric is attached to." }),
    sectionId: optionalId("Choose a section from the list."),
    workGroupId: optionalId("Choose a work group from the list."),
    actionId: optionalId("Choose an action from the list."),
    unit: z.enum(METRIC_UNITS, { message: "Choose a unit." }),
    unitLabel: optionalText(40),
    direction: z.enum(METRIC_DIRECTIONS, { message: "Choose whether up or down is good." }),
    baselineValue: optionalNumber,
    baselineDate: optionalDate,
    targetValue: optionalNumber,
    targetDate: optionalDate,
    interimTargets: interimTargetsField,
    tolerancePercent: z.preprocess((v) => (v === "" || v === undefined ? 10 : v), numberField.pipe(z.number().min(0, "Use 0 to 100.").max(100, "Use 0 to 100."))),
    frequency: z.enum(METRIC_FREQUENCIES, { message: "Choose quarterly or annual." }),
    source: optionalText(500),
    method: optionalText(5000),
    ownerOrganizationId: optionalId("Choose an organization from the list."),
    ownerPerson: optionalText(200),
  })
  .superRefine((d, ctx) => {
    const need = (field: "sectionId" | "workGroupId" | "actionId", message: string) => {
      if (d[field] === null) ctx.addIssue({ code: "custom", path: [field], message });
    };
    if (d.scope === "section") need("sectionId", "Choose the section (cluster) it is attached to.");
    if (d.scope === "work_group") need("workGroupId", "Choose the work group it is attached to.");
    if (d.scope === "action") need("actionId", "Choose the action it is attached to.");
    if (d.unit === "other" && !d.unitLabel) ctx.addIssue({ code: "custom", path: ["unitLabel"], message: "Name the unit, such as acres or students." });
    const pair = (value: "baselineValue" | "targetValue", date: "baselineDate" | "targetDate", what: string) => {
      if (d[value] !== null && d[date] === null) ctx.addIssue({ code: "custom", path: [date], message: `Give the ${what} date too.` });
      if (d[value] === null && d[date] !== null) ctx.addIssue({ code: "custom", path: [value], message: `Give the ${what} value too.` });
    };
    pair("baselineValue", "baselineDate", "baseline");
    pair("targetValue", "targetDate", "target");
    for (const field of ["baselineValue", "targetValue"] as const) {
      const v = d[field];
      const problem = v === null ? null : unitRangeProblem(d.unit, v);
      if (problem) ctx.addIssue({ code: "custom", path: [field], message: problem });
    }
    if (d.baselineDate && d.targetDate && d.targetDate <= d.baselineDate) ctx.addIssue({ code: "custom", path: ["targetDate"], message: "The target date must be after the baseline date." });
    if (d.interimTargets.length && (!d.baselineDate || !d.targetDate)) {
      ctx.addIssue({ code: "custom", path: ["interimTargets"], message: "Interim targets need a baseline and a target." });
    } else {
      d.interimTargets.forEach((t, i) => {
        if (t.date <= d.baselineDate! || t.date >= d.targetDate!) ctx.addIssue({ code: "custom", path: ["interimTargets"], message: `Line ${i + 1}: ${t.date} is not between the baseline and the target dates.` });
        const problem = unitRangeProblem(d.unit, t.value);
        if (problem) ctx.addIssue({ code: "custom", path: ["interimTargets"], message: `Line ${i + 1}: ${problem}` });
      });
      if (new Set(d.interimTargets.map((t) => t.date)).size !== d.interimTargets.length) ctx.addIssue({ code: "custom", path: ["interimTargets"], message: "Each date may appear once." });
    }
  });

export const createMetricSchema = z.object({ planId: recordId }).and(metricFieldsSchema);
export const updateMetricSchema = z.object({ metricId: recordId, version }).and(metricFieldsSchema);
export const retireMetricSchema = z.object({ metricId: recordId, version, retired: retiredFlag });

export type MetricFields = z.output<typeof metricFieldsSchema>;

export const periodField = z.string({ message: "Choose the period." }).transform((v, ctx) => {
  const p = parsePeriodLabel(v);
  if (!p) {
    ctx.addIssue({ code: "custom", message: "Write a year like 2014 or a quarter like 2014 Q2." });
    return z.NEVER;
  }
  return p;
});

const measurementFields = {
  value: numberField,
  note: optionalText(2000),
  source: optionalText(500),
};

export const recordMeasurementSchema = z.object({ metricId: recordId, period: periodField, ...measurementFields });
// A correction names the value it replaces; if that was corrected meanwhile, the save is refused.
export const correctMeasurementSchema = z.object({
  measurementId: recordId,
  ...measurementFields,
  correctionNote: requiredText("Say why the value is corrected.", 1000),
});

export const METRIC_LABELS: Record<string, string> = {
  key: "Key",
  name: "Name",
  description: "Description",
  scope: "Attached to",
  sectionId: "Section",
  workGroupId: "Work group",
  actionId: "Action",
  unit: "Unit",
  unitLabel: "Unit name",
  direction: "Good direction",
  baselineValue: "Baseline value",
  baselineDate: "Baseline date",
  targetValue: "Target value",
  targetDate: "Target date",
  interimTargets: "Interim targets",
  tolerancePercent: "Tolerance (%)",
  frequency: "Frequency",
  source: "Data source",
  method: "Method",
  ownerOrganizationId: "Owner organization",
  ownerPerson: "Owner (person)",
  retiredAt: "Retired",
};
