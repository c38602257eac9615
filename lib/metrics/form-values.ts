import type { Metric } from "@/db/schema";
import { readInterimTargets } from "./interim";

// A metric as its edit form's values: what the form opens with and what a
// refused save puts back next to the person's own text.
export function metricFormValues(m: Metric): Record<string, string> {
  const num = (v: number | null) => (v === null ? "" : String(v));
  return {
    key: m.key,
    name: m.name,
    description: m.description ?? "",
    scope: m.scope,
    sectionId: m.sectionId ? String(m.sectionId) : "",
    workGroupId: m.workGroupId ? String(m.workGroupId) : "",
    actionId: m.actionId ? String(m.actionId) : "",
    unit: m.unit,
    unitLabel: m.unitLabel ?? "",
    direction: m.direction,
    baselineValue: num(m.baselineValue),
    baselineDate: m.baselineDate ?? "",
    targetValue: num(m.targetValue),
    targetDate: m.targetDate ?? "",
    interimTargets: readInterimTargets(m.interimTargets)
      .map((t) => `${t.date} = ${t.value}`)
      .join("\n"),
    tolerancePercent: String(m.tolerancePercent),
    frequency: m.frequency,
    source: m.source ?? "",
    method: m.method ?? "",
    ownerOrganizationId: m.ownerOrganizationId ? String(m.ownerOrganizationId) : "",
    ownerPerson: m.ownerPerson ?? "",
  };
}
