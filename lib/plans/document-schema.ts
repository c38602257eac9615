import { z } from "zod";
import { parsePeriodLabel } from "@/lib/metrics/periods";
import { unitRangeProblem } from "@/lib/metrics/schema";
import { analyticsDocSchema, checkAnalytics } from "./analytics-doc";
import {
  ACTION_STATUSES,
  CHAMPION_ROLES,
  METRIC_DIRECTIONS,
  METRIC_FREQUENCIES,
  METRIC_SCOPES,
  METRIC_UNITS,
  ORGANIZATION_TYPES,
  PLAN_STATUSES,
  SECTION_KINDS,
  WORK_GROUP_STATUSES,
} from "@/db/schema/enums";

// The portable JSON form of one whole plan: what `plan:export` writes and
// `plan:import` reads, and the shape the default SJV data set is written in.
// Records refer to each other by document-local `key`s, never database ids,
// so a document can be imported into any database.

export const PLAN_DOCUMENT_FORMAT = "cluster-action-tracker/plan";
// Version 2 added metrics, version 3 the employment analytics (region,
// reference area, cluster definitions); older documents still import.
export const PLAN_DOCUMENT_VERSION = 3;

const key = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "use lower-case letters, digits, '.', '_' or '-'");
const isoDate = z.iso.date();
const nonEmpty = (max: number) => z.string().trim().min(1).max(max);

export const organizationDocSchema = z.strictObject({
  key,
  name: nonEmpty(300),
  acronym: z.string().trim().min(1).max(40).nullable(),
  type: z.enum(ORGANIZATION_TYPES),
  website: z.url().max(500).nullable(),
});

export const championDocSchema = z.strictObject({
  organization: key,
  role: z.enum(CHAMPION_ROLES),
});

export const actionDocSchema = z.strictObject({
  code: nonEmpty(40),
  title: z.string().trim().min(1).max(300).nullable(),
  text: nonEmpty(10_000),
  workGroup: key.nullable(),
  champions: z.array(championDocSchema).max(200),
  leadPerson: z.string().trim().min(1).max(200).nullable(),
  status: z.enum(ACTION_STATUSES),
  percentComplete: z.number().int().min(0).max(100),
  isPriority: z.boolean(),
  startDate: isoDate.nullable(),
  dueDate: isoDate.nullable(),
  retiredAt: z.iso.datetime().nullable(),
});

export interface SectionDoc {
  key: string;
  kind: (typeof SECTION_KINDS)[number];
  code: string | null;
  title: string;
  description: string | null;
  opportunities: string[];
  actions: z.infer<typeof actionDocSchema>[];
  children: SectionDoc[];
}

// Recursive: plans may nest sections to any depth.
export const sectionDocSchema: z.ZodType<SectionDoc> = z.lazy(() =>
  z.strictObject({
    key,
    kind: z.enum(SECTION_KINDS),
    code: z.string().trim().min(1).max(40).nullable(),
    title: nonEmpty(300),
    description: z.string().trim().min(1).max(10_000).nullable(),
    opportunities: z.array(nonEmpty(5_000)).max(1_000),
    actions: z.array(actionDocSchema).max(5_000),
    children: z.array(sectionDocSchema).max(1_000),
  }),
);

export const workGroupDocSchema = z.strictObject({
  key,
  name: nonEmpty(300),
  description: z.string().trim().min(1).max(5_000).nullable(),
  leadOrganization: key.nullable(),
  status: z.enum(WORK_GROUP_STATUSES),
  sections: z.array(key).max(1_000),
});

export const targetDocSchema = z.strictObject({
  description: nonEmpty(500),
  marketSupportUsd: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  source: z.string().trim().min(1).max(500).nullable(),
  sections: z.array(key).max(1_000),
});

const datedValue = z.strictObject({ date: isoDate, value: z.number().finite() });

// A measurement as a plan document carries it: the current value for a period
// ("2014" or "2014 Q2"). Who entered it and earlier corrected values stay in
// the database they were entered in.
export const measurementDocSchema = z.strictObject({
  period: z.string().trim().min(4).max(20),
  value: z.number().finite(),
  note: z.string().trim().min(1).max(2_000).nullable(),
  source: z.string().trim().min(1).max(500).nullable(),
});

export const metricDocSchema = z.strictObject({
  key,
  name: nonEmpty(200),
  description: z.string().trim().min(1).max(5_000).nullable(),
  scope: z.enum(METRIC_SCOPES),
  // The section (scope "section"), the action's code (scope "action"), and the
  // owning or attached work group (any scope but "action").
  section: key.nullable(),
  action: nonEmpty(40).nullable(),
  workGroup: key.nullable(),
  unit: z.enum(METRIC_UNITS),
  unitLabel: z.string().trim().min(1).max(40).nullable(),
  direction: z.enum(METRIC_DIRECTIONS),
  baseline: datedValue.nullable(),
  target: datedValue.nullable(),
  interimTargets: z.array(datedValue).max(40),
  tolerancePercent: z.number().min(0).max(100),
  frequency: z.enum(METRIC_FREQUENCIES),
  source: z.string().trim().min(1).max(500).nullable(),
  method: z.string().trim().min(1).max(5_000).nullable(),
  owner: key.nullable(),
  ownerPerson: z.string().trim().min(1).max(200).nullable(),
  retiredAt: z.iso.datetime().nullable(),
  measurements: z.array(measurementDocSchema).max(2_000),
});

export const planDocSchema = z.strictObject({
  slug: key,
  title: nonEmpty(300),
  region: nonEmpty(300),
  summary: z.string().trim().min(1).max(20_000).nullable(),
  periodStart: isoDate.nullable(),
  periodEnd: isoDate.nullable(),
  status: z.enum(PLAN_STATUSES),
  sourceCitation: z.string().trim().min(1).max(2_000).nullable(),
  sourceUrl: z.url().max(500).nullable(),
  // Slug of the edition this plan updates; linked on import when that plan exists.
  previousPlan: key.nullable(),
});

const planDocumentBaseSchema = z.strictObject({
    format: z.literal(PLAN_DOCUMENT_FORMAT),
    version: z.union([z.literal(1), z.literal(2), z.literal(PLAN_DOCUMENT_VERSION)]),
    plan: planDocSchema,
    organizations: z.array(organizationDocSchema).max(10_000),
    // Keys of organizations the plan acknowledges as partners, in order.
    partners: z.array(key).max(10_000),
    workGroups: z.array(workGroupDocSchema).max(1_000),
    sections: z.array(sectionDocSchema).max(1_000),
    // Plan-level actions that belong to no section (the SJV "next steps").
    actions: z.array(actionDocSchema).max(5_000),
    targets: z.array(targetDocSchema).max(5_000),
    metrics: z.array(metricDocSchema).max(10_000).default([]),
    analytics: analyticsDocSchema.nullable().default(null),
});

export const planDocumentSchema = planDocumentBaseSchema.superRefine(checkReferences);

export type PlanDocument = z.infer<typeof planDocumentSchema>;
export type ActionDoc = z.infer<typeof actionDocSchema>;
export type OrganizationDoc = z.infer<typeof organizationDocSchema>;
export type WorkGroupDoc = z.infer<typeof workGroupDocSchema>;
export type TargetDoc = z.infer<typeof targetDocSchema>;
export type MetricDoc = z.infer<typeof metricDocSchema>;

// Cross-references are checked here so a bad key is reported with its exact
// path (e.g. sections.2.actions.4.champions.0.organization) before any write.
function checkReferences(doc: z.infer<typeof planDocumentBaseSchema>, ctx: z.RefinementCtx) {
  const orgKeys = uniqueKeys(doc.organizations.map((o) => o.key), ["organizations"], ctx);
  const groupKeys = uniqueKeys(doc.workGroups.map((g) => g.key), ["workGroups"], ctx);
  const sectionKeys = new Set<string>();
  const actionCodes = new Set<string>();

  const ref = (set: Set<string>, value: string | null, path: (string | number)[], what: string) => {
    if (value !== null && !set.has(value)) ctx.addIssue({ code: "custom", path, message: `unknown ${what} "${value}"` });
  };

  const visitActions = (actions: ActionDoc[], path: (string | number)[]) =>
    actions.forEach((a, i) => {
      if (actionCodes.has(a.code)) ctx.addIssue({ code: "custom", path: [...path, i, "code"], message: `duplicate action code "${a.code}"` });
      actionCodes.add(a.code);
      ref(groupKeys, a.workGroup, [...path, i, "workGroup"], "work group");
      const seen = new Set<string>();
      a.champions.forEach((c, j) => {
        ref(orgKeys, c.organization, [...path, i, "champions", j, "organization"], "organization");
        if (seen.has(c.organization))
          ctx.addIssue({ code: "custom", path: [...path, i, "champions", j, "organization"], message: `"${c.organization}" is listed twice` });
        seen.add(c.organization);
      });
    });

  const visitSections = (sections: SectionDoc[], path: (string | number)[]) =>
    sections.forEach((s, i) => {
      if (sectionKeys.has(s.key)) ctx.addIssue({ code: "custom", path: [...path, i, "key"], message: `duplicate section key "${s.key}"` });
      sectionKeys.add(s.key);
      visitActions(s.actions, [...path, i, "actions"]);
      visitSections(s.children, [...path, i, "children"]);
    });

  visitSections(doc.sections, ["sections"]);
  visitActions(doc.actions, ["actions"]);
  doc.partners.forEach((p, i) => ref(orgKeys, p, ["partners", i], "organization"));
  doc.workGroups.forEach((g, i) => {
    ref(orgKeys, g.leadOrganization, ["workGroups", i, "leadOrganization"], "organization");
    g.sections.forEach((s, j) => ref(sectionKeys, s, ["workGroups", i, "sections", j], "section"));
  });
  doc.targets.forEach((t, i) => t.sections.forEach((s, j) => ref(sectionKeys, s, ["targets", i, "sections", j], "section")));
  uniqueKeys(doc.metrics.map((m) => m.key), ["metrics"], ctx);
  doc.metrics.forEach((m, i) => checkMetric(m, ["metrics", i], ctx, { sectionKeys, groupKeys, orgKeys, actionCodes }));
  if (doc.analytics) {
    const keys = { sectionKeys, topSectionKeys: new Set(doc.sections.map((s) => s.key)), metricFrequency: new Map(doc.metrics.map((m) => [m.key, m.frequency])) };
    checkAnalytics(doc.analytics, ["analytics"], ctx, keys);
  }
}

// A metric names exactly what its scope needs, points at records of this
// document, and has at most one value per period of its own frequency.
function checkMetric(m: MetricDoc, path: (string | number)[], ctx: z.RefinementCtx, keys: Record<"sectionKeys" | "groupKeys" | "orgKeys" | "actionCodes", Set<string>>) {
  const issue = (field: string | number, message: string, ...more: (string | number)[]) => ctx.addIssue({ code: "custom", path: [...path, field, ...more], message });
  const wants = { section: m.scope === "section", action: m.scope === "action", workGroup: m.scope === "work_group" };
  if (wants.section !== (m.section !== null)) issue("section", wants.section ? "a section metric names its section" : `a ${m.scope} metric names no section`);
  if (wants.action !== (m.action !== null)) issue("action", wants.action ? "an action metric names its action" : `a ${m.scope} metric names no action`);
  if (wants.workGroup && m.workGroup === null) issue("workGroup", "a work group metric names its work group");
  if (wants.action && m.workGroup !== null) issue("workGroup", "an action metric belongs to its action's work group; name none");
  if (m.section !== null && !keys.sectionKeys.has(m.section)) issue("section", `unknown section "${m.section}"`);
  if (m.action !== null && !keys.actionCodes.has(m.action)) issue("action", `unknown action "${m.action}"`);
  if (m.workGroup !== null && !keys.groupKeys.has(m.workGroup)) issue("workGroup", `unknown work group "${m.workGroup}"`);
  if (m.owner !== null && !keys.orgKeys.has(m.owner)) issue("owner", `unknown organization "${m.owner}"`);
  if (m.unit === "other" && m.unitLabel === null) issue("unitLabel", "name the unit");
  if (m.baseline && m.target && m.target.date <= m.baseline.date) issue("target", "the target date must be after the baseline date");
  for (const field of ["baseline", "target"] as const) {
    const problem = m[field] ? unitRangeProblem(m.unit, m[field].value) : null;
    if (problem) issue(field, problem);
  }
  const seen = new Set<string>();
  m.measurements.forEach((x, j) => {
    const period = parsePeriodLabel(x.period);
    if (!period || period.frequency !== m.frequency) issue("measurements", m.frequency === "annual" ? "a year like 2014" : "a quarter like 2014 Q2", j, "period");
    else if (seen.has(period.label)) issue("measurements", `${period.label} is listed twice`, j, "period");
    else seen.add(period.label);
    const problem = unitRangeProblem(m.unit, x.value);
    if (problem) issue("measurements", problem, j, "value");
  });
}

function uniqueKeys(keys: string[], path: string[], ctx: z.RefinementCtx) {
  const set = new Set<string>();
  keys.forEach((k, i) => {
    if (set.has(k)) ctx.addIssue({ code: "custom", path: [...path, i, "key"], message: `duplicate key "${k}"` });
    set.add(k);
  });
  return set;
}
