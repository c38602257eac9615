import { z } from "zod";
import { optionalText, recordId, version } from "@/lib/editing/fields";

// Shared by the report forms and lib/reports/service.ts.

export const REPORT_SECTIONS = ["introduction", "summary", "highlights", "priorities", "clusters", "attention", "asks", "next-steps", "appendix"] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

const markdown = (max: number) => z.string().max(max, `Use at most ${max.toLocaleString("en-US")} characters.`).default("");

export const reportTextsSchema = z.object({
  introduction: markdown(20_000),
  highlights: markdown(20_000),
  asks: markdown(10_000),
  // A free note per cluster, by section key.
  clusterNotes: z.record(z.string().max(120), z.string().max(10_000, "Use at most 10,000 characters.")).default({}),
});
export type ReportTexts = z.infer<typeof reportTextsSchema>;

export const createReportSchema = z.object({
  periodId: recordId,
  title: optionalText(200),
});

export const refreshReportSchema = z.object({ reportId: recordId, version });

const idList = z.array(z.coerce.number().int().positive()).max(500, "Feature at most 500 narratives.");

// Flat, like the editor form: each text has its own field (and field error).
export const updateReportSchema = z.object({
  reportId: recordId,
  version,
  title: z.string().trim().min(1, "Give the report a title.").max(200, "Use at most 200 characters."),
  ...reportTextsSchema.shape,
  featuredUpdateIds: z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), idList),
  sectionOrder: z
    .array(z.enum(REPORT_SECTIONS))
    .refine((list) => list.length === REPORT_SECTIONS.length && new Set(list).size === list.length, "List every section once.")
    .optional(),
});

export const publishReportSchema = z.object({ reportId: recordId, version });

export const supersedeReportSchema = z.object({
  reportId: recordId,
  changeNote: z.string({ message: "Say what the new version corrects." }).trim().min(1, "Say what the new version corrects.").max(2_000, "Use at most 2,000 characters."),
});

export const acknowledgeReportSchema = z.object({ reportId: recordId });
