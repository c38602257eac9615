import { z } from "zod";
import { CHAMPION_ROLES } from "@/db/schema/enums";
import { ACTION_COLUMNS, IMPORT_KINDS, MEASUREMENT_COLUMNS, UPDATE_COLUMNS } from "./columns";

// The upload form and previewImport(): what the file holds, and for updates
// the quarter they are for. The file itself is checked by lib/spreadsheets.
export const previewImportSchema = z
  .object({
    plan: z.string().trim().min(1).max(120),
    kind: z.enum(IMPORT_KINDS, { message: "Choose what the file holds." }),
    periodId: z.preprocess((v) => (v === "" || v == null ? undefined : v), z.coerce.number().int().positive().optional()),
  })
  .refine((d) => d.kind !== "updates" || d.periodId !== undefined, { path: ["periodId"], message: "Choose the quarter these updates are for." });

export const commitImportSchema = z.object({
  plan: z.string().trim().min(1).max(120),
  batchId: z.coerce.number().int().positive(),
});

// One row-level problem: the row number a spreadsheet program shows, the
// column's header, and the reason as a sentence.
export interface ImportError {
  row: number;
  column: string;
  reason: string;
}

// ---- Cells of an actions file ---------------------------------------------

const blankToNull = (v: string) => (v === "" ? null : v);

export const actionCodeSchema = z
  .string()
  .min(1, "Every row needs the action's code.")
  .max(40, "Use at most 40 characters.")
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Use letters, digits, “.”, “_” and “-” only, starting with a letter or digit.");

// Keys are lower-case; "Energy" is taken to mean "energy".
const keyOrNull = z
  .string()
  .transform((v) => v.toLowerCase())
  .pipe(z.string().max(120, "Use at most 120 characters.").regex(/^$|^[a-z0-9][a-z0-9._-]*$/, "A key is letters, digits, “.”, “_” and “-”."))
  .transform(blankToNull);

const dateOrNull = z
  .string()
  .transform(blankToNull)
  .pipe(z.iso.date("Use a date like 2026-03-31.").nullable());

const YES = new Set(["yes", "y", "true", "1"]);
const NO = new Set(["no", "n", "false", "0", ""]);
const yesNo = z.string().transform((v, ctx) => {
  const s = v.toLowerCase();
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  ctx.addIssue({ code: "custom", message: "Write yes or no." });
  return z.NEVER;
});

export type ChampionCell = { slug: string; role: (typeof CHAMPION_ROLES)[number] };

// "org-key:role; org-key:role", role defaulting to partner.
export const championsSchema = z.string().transform((v, ctx): ChampionCell[] => {
  const out: ChampionCell[] = [];
  for (const part of v.split(";")) {
    const item = part.trim();
    if (!item) continue;
    const [slug = "", role = "partner", ...rest] = item.split(":").map((s) => s.trim().toLowerCase());
    if (rest.length > 0 || !/^[a-z0-9][a-z0-9._-]*$/.test(slug) || slug.length > 120) {
      ctx.addIssue({ code: "custom", message: `“${item.slice(0, 60)}” is not “organization-key:role”.` });
      continue;
    }
    const knownRole = CHAMPION_ROLES.find((r) => r === role);
    if (!knownRole) {
      ctx.addIssue({ code: "custom", message: `“${item.slice(0, 60)}”: the role must be lead, partner or funder.` });
      continue;
    }
    if (out.some((c) => c.slug === slug)) {
      ctx.addIssue({ code: "custom", message: `${slug} is listed twice.` });
      continue;
    }
    out.push({ slug, role: knownRole });
  }
  if (out.length > 200) ctx.addIssue({ code: "custom", message: "List at most 200 champions." });
  return out;
});

// Every column but the code may be absent from the file (then the action's
// value is left as it is); a present empty cell clears an optional value.
export const actionRowSchema = z.object({
  code: actionCodeSchema,
  title: z.string().max(300, "Use at most 300 characters.").transform(blankToNull).optional(),
  text: z.string().max(10_000, "Use at most 10,000 characters.").optional(),
  sectionKey: keyOrNull.optional(),
  workGroupKey: keyOrNull.optional(),
  leadPerson: z.string().max(200, "Use at most 200 characters.").transform(blankToNull).optional(),
  priority: yesNo.optional(),
  startDate: dateOrNull.optional(),
  dueDate: dateOrNull.optional(),
  champions: championsSchema.optional(),
});

export type ActionRowData = z.output<typeof actionRowSchema>;

// ---- What a batch stores ---------------------------------------------------

const actionKeys = z.enum(ACTION_COLUMNS.map((c) => c.key) as [string, ...string[]]);
const updateKeys = z.enum(UPDATE_COLUMNS.map((c) => c.key) as [string, ...string[]]);

// The trimmed cell text of each row, exactly as read: the commit validates
// these again inside its transaction rather than trusting the preview.
export const storedActionRowSchema = z.object({
  row: z.number().int(),
  values: z.partialRecord(actionKeys, z.string()),
  existing: z.object({ id: z.number().int(), version: z.number().int() }).nullable(),
  changes: z.array(z.string()),
});
export type StoredActionRow = z.infer<typeof storedActionRowSchema>;

export const storedUpdateRowSchema = z.object({
  row: z.number().int(),
  values: z.partialRecord(updateKeys, z.string()),
  actionId: z.number().int().nullable(),
  existing: z.object({ id: z.number().int(), version: z.number().int(), reviewState: z.string() }).nullable(),
});
export type StoredUpdateRow = z.infer<typeof storedUpdateRowSchema>;

export const MEASUREMENT_OUTCOMES = ["record", "correct", "unchanged", "history"] as const;
export type MeasurementOutcome = (typeof MEASUREMENT_OUTCOMES)[number];

const measurementKeys = z.enum(MEASUREMENT_COLUMNS.map((c) => c.key) as [string, ...string[]]);

// `existing` is the current value the preview saw for the metric and period:
// the commit refuses if it is no longer the current one. `outcome` is what
// importing the row does (null for a row with problems).
export const storedMeasurementRowSchema = z.object({
  row: z.number().int(),
  values: z.partialRecord(measurementKeys, z.string()),
  metricId: z.number().int().nullable(),
  period: z.string().nullable(),
  existing: z.object({ id: z.number().int(), value: z.number() }).nullable(),
  outcome: z.enum(MEASUREMENT_OUTCOMES).nullable(),
});
export type StoredMeasurementRow = z.infer<typeof storedMeasurementRowSchema>;

export const storedErrorsSchema = z.array(z.object({ row: z.number().int(), column: z.string(), reason: z.string() }));
