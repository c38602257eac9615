import { z } from "zod";
import type { Target } from "@/db/schema";
import { idList, moveDirection, optionalText, recordId, requiredText, retiredFlag, version } from "@/lib/editing/fields";

// Whole dollars; "$1,250,000" is accepted as typed from the plan document.
const usd = z.preprocess(
  (v) => (typeof v === "string" ? v.replace(/[$,\s]/g, "") : v),
  z.coerce
    .number({ message: "Enter the market support in whole US dollars, such as 1250000." })
    .int("Use whole dollars.")
    .min(0, "Use zero or more.")
    .max(1_000_000_000_000, "That is more than a trillion dollars; check the figure."),
);

// Shared by the target forms and lib/targets/service.ts.
export const targetFieldsSchema = z.object({
  description: requiredText("Describe the commodity or market.", 500),
  marketSupportUsd: usd,
  source: optionalText(500),
  sectionIds: idList,
});

export const createTargetSchema = z.object({ planId: recordId }).extend(targetFieldsSchema.shape);
export const updateTargetSchema = z.object({ targetId: recordId, version }).extend(targetFieldsSchema.shape);
export const moveTargetSchema = z.object({ targetId: recordId, direction: moveDirection });
export const retireTargetSchema = z.object({ targetId: recordId, version, retired: retiredFlag });

export const TARGET_LABELS: Record<string, string> = { description: "Description", marketSupportUsd: "Market support (USD)", source: "Source", sectionIds: "Linked sections", retiredAt: "Retired" };

export function targetFormValues(t: Pick<Target, "description" | "marketSupportUsd" | "source">, sectionIds: number[]): Record<string, string> {
  return { description: t.description, marketSupportUsd: String(t.marketSupportUsd), source: t.source ?? "", sectionIds: [...sectionIds].sort((a, b) => a - b).join(",") };
}
