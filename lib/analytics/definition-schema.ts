import { z } from "zod";
import { optionalId, optionalText, recordId, version } from "@/lib/editing/fields";
import type { PlanCluster } from "./setup";

// Shared by the cluster definition and region forms and lib/analytics/definitions.ts.
// The code lists are text areas; lib/analytics/code-list.ts reads them, and
// the service reports each bad code under its own text area with its line.

const codeText = z.string().max(50_000, "That list is too long; use at most 50,000 characters.").optional().default("");

export interface ComponentInput {
  /** The form's row number, so errors land on the right text area. */
  index: number;
  name: string;
  codes: string;
}

const COMPONENT_FIELD = /^components\.(\d+)\.(name|codes)$/;

// The form posts each component as components.<n>.name and components.<n>.codes
// (one field each, so a refused save sends the typed text back); tests and
// scripts may pass a real array instead.
function gatherComponents(input: unknown): unknown {
  if (typeof input !== "object" || input === null) return input;
  const raw = input as Record<string, unknown>;
  if (Array.isArray(raw.components)) return { ...raw, components: raw.components.map((c, index) => ({ index, ...(c as object) })) };
  const rows = new Map<number, Record<string, unknown>>();
  for (const [key, value] of Object.entries(raw)) {
    const m = COMPONENT_FIELD.exec(key);
    if (!m) continue;
    const index = Number(m[1]);
    if (!rows.has(index)) rows.set(index, { index });
    rows.get(index)![m[2]!] = value;
  }
  return { ...raw, components: [...rows.values()].sort((a, b) => Number(a.index) - Number(b.index)) };
}

const componentSchema = z.object({
  index: z.coerce.number().int().min(0),
  name: z.string().trim().max(200, "Use at most 200 characters.").optional().default(""),
  codes: codeText,
});

export const saveClusterDefinitionSchema = z.preprocess(
  gatherComponents,
  z.object({
    sectionId: recordId,
    // 0 when the form defined a section that had no definition.
    version: z.coerce.number({ message: "The form is missing its version; reload the page." }).int().min(0),
    note: optionalText(5000),
    metricId: optionalId("Choose one of the plan's annual metrics, or none."),
    codes: codeText,
    components: z.array(componentSchema).max(40, "Use at most 40 components."),
  }),
);
export type SaveClusterDefinitionInput = z.infer<typeof saveClusterDefinitionSchema>;

export const removeClusterDefinitionSchema = z.object({ sectionId: recordId, version });

const areaCode = (message: string) =>
  z
    .string()
    .trim()
    .toUpperCase()
    .optional()
    .transform((v) => v || null)
    .pipe(z.string().regex(/^[0-9A-Z]{5}$/, message).nullable());

export const savePlanRegionSchema = z
  .object({
    planId: recordId,
    version,
    // Empty: a new region, named and listed in the fields below.
    regionId: optionalId("Choose a region, or a new one."),
    regionName: optionalText(200),
    regionAreas: codeText,
    referenceArea: areaCode("Use a five-character BLS area code, such as 06000 (California) or US000 (the United States)."),
  })
  .superRefine((d, ctx) => {
    if (d.regionId !== null) return;
    if (!d.regionName) ctx.addIssue({ code: "custom", path: ["regionName"], message: "Name the new region." });
    if (!d.regionAreas.trim()) ctx.addIssue({ code: "custom", path: ["regionAreas"], message: "List the new region's areas." });
  });

export const saveRegionSchema = z.object({
  regionId: recordId,
  version,
  name: z.string({ message: "Name the region." }).trim().min(1, "Name the region.").max(200, "Use at most 200 characters."),
  areas: codeText,
});

export const DEFINITION_LABELS: Record<string, string> = { note: "Note", metricId: "Metric", codes: "Codes", isStartingPoint: "Starting point" };
// With the reporting settings' fields, which share the plan's version (lib/plans/settings.ts).
export const PLAN_REGION_LABELS: Record<string, string> = {
  regionId: "Region number",
  region: "Region",
  referenceArea: "Reference area",
  countSubmittedUpdates: "Count submitted updates",
  reminderDaysBefore: "Reminder days before the due date",
};
export const REGION_LABELS: Record<string, string> = { name: "Name", areas: "Areas" };

/** A code as the audit log and conflict notes show it: "333911 (Water equipment manufacturing)". */
export const auditCode = (c: { code: string; component: string }) => (c.component ? `${c.code} (${c.component})` : c.code);

const listed = (codes: string[], titles: Map<string, string>) => codes.map((code) => (titles.get(code) ? `${code} ${titles.get(code)}` : code)).join("\n");

/** The definition as its form starts: codes one per line with their titles where known. */
export function definitionFormValues(cluster: Pick<PlanCluster, "note" | "metricId" | "codes"> | null, titles: Map<string, string> = new Map()): Record<string, string> {
  if (!cluster) return { note: "", metricId: "", codes: "" };
  const names = [...new Set(cluster.codes.map((c) => c.component).filter(Boolean))];
  const values: Record<string, string> = {
    note: cluster.note ?? "",
    metricId: cluster.metricId ? String(cluster.metricId) : "",
    codes: listed(cluster.codes.filter((c) => !c.component).map((c) => c.code), titles),
  };
  names.forEach((name, i) => {
    values[`components.${i}.name`] = name;
    values[`components.${i}.codes`] = listed(cluster.codes.filter((c) => c.component === name).map((c) => c.code), titles);
  });
  return values;
}

export function regionFormValues(region: { name: string } | null, areas: { code: string; title: string }[]): Record<string, string> {
  return { name: region?.name ?? "", areas: areas.map((a) => (a.title && a.title !== a.code ? `${a.code} ${a.title}` : a.code)).join("\n") };
}

export function planRegionFormValues(regionId: number | null, referenceArea: string | null): Record<string, string> {
  return { regionId: regionId ? String(regionId) : "", regionName: "", regionAreas: "", referenceArea: referenceArea ?? "" };
}
