import { z } from "zod";
import { ACTION_STATUSES } from "@/db/schema/enums";

export const MAX_LINKS = 10;

// Links are typed one per line, either "https://…" or "Label | https://…".
export const linksSchema = z
  .string()
  .max(5_000, "Too much text for links.")
  .default("")
  .transform((text, ctx) => {
    const links: { label: string; url: string }[] = [];
    for (const [i, raw] of text.split(/\r?\n/).entries()) {
      const line = raw.trim();
      if (!line) continue;
      // The label ends at the last "|" that is followed by the address, so an
      // address may itself contain "|".
      const labelled = /^(.*?)\s*\|\s*(https?:\/\/\S+)$/i.exec(line);
      const label = labelled ? labelled[1]!.trim() : "";
      const url = labelled ? labelled[2]! : line;
      const parsed = z.url({ protocol: /^https?$/ }).max(1_000).safeParse(url);
      if (!parsed.success) {
        ctx.addIssue({ code: "custom", message: `Line ${i + 1} is not a web address starting with http:// or https://.` });
        continue;
      }
      links.push({ label: label.slice(0, 200) || url, url });
    }
    if (links.length > MAX_LINKS) ctx.addIssue({ code: "custom", message: `Add at most ${MAX_LINKS} links.` });
    return links;
  });

export type UpdateLink = { label: string; url: string };

// A blank box is "not answered", not 0% (coercion alone would read "" as 0).
export const percentSchema = z.preprocess(
  (v) => (v == null || (typeof v === "string" && v.trim() === "") ? undefined : v),
  z.coerce.number({ message: "Enter a number from 0 to 100." }).int("Use a whole number.").min(0, "Use 0 to 100.").max(100, "Use 0 to 100."),
);

// Shared by the update form (action page, My quarter) and saveUpdate().
// version is 0 for a new update and the version the form was opened at otherwise.
export const saveUpdateSchema = z
  .object({
    actionId: z.coerce.number().int().positive(),
    periodId: z.coerce.number({ message: "Choose a reporting period." }).int().positive("Choose a reporting period."),
    version: z.coerce.number().int().min(0).default(0),
    status: z.enum(ACTION_STATUSES, { message: "Choose a status." }),
    percentComplete: percentSchema,
    narrative: z.string().trim().max(20_000, "Keep the narrative under 20,000 characters.").default(""),
    links: linksSchema,
    intent: z.enum(["draft", "submit"]).default("submit"),
  })
  .refine((d) => d.intent === "draft" || d.narrative.length > 0, { path: ["narrative"], message: "Say what happened this period before you submit." })
  .refine((d) => d.status !== "completed" || d.percentComplete === 100, { path: ["percentComplete"], message: "A completed action is 100% complete." });

export type SaveUpdateInput = z.input<typeof saveUpdateSchema>;

// Each draft is "id" or "id@version": with the version, a draft a colleague
// changed after the page was loaded is refused rather than submitted unseen.
const draftRef = z
  .union([z.number(), z.string()])
  .transform((v) => String(v))
  .pipe(z.string().regex(/^\d{1,12}(@\d{1,9})?$/, "Unknown draft."))
  .transform((v) => {
    const [id, version] = v.split("@");
    return { id: Number(id), version: version === undefined ? undefined : Number(version) };
  });

export const submitDraftsSchema = z.object({
  updateIds: z.preprocess((v) => (v == null ? [] : Array.isArray(v) ? v : [v]), z.array(draftRef).min(1, "There are no drafts to submit.").max(1_000)),
});

export const reviewUpdateSchema = z
  .object({
    updateId: z.coerce.number().int().positive(),
    version: z.coerce.number().int().positive(),
    decision: z.enum(["accept", "return"], { message: "Choose accept or return." }),
    note: z.string().trim().max(5_000, "Keep the note under 5,000 characters.").default(""),
  })
  .refine((d) => d.decision === "accept" || d.note.length > 0, { path: ["note"], message: "Tell the author what to fix." });
