import { z } from "zod";
import { ORGANIZATION_TYPES } from "@/db/schema/enums";
import type { Organization } from "@/db/schema";
import { optionalText, recordId, requiredText, retiredFlag, version } from "@/lib/editing/fields";

// Only http(s) addresses: the website is rendered as a link on the partner page.
const website = z
  .string()
  .trim()
  .max(500, "Use at most 500 characters.")
  .optional()
  .transform((v) => v || null)
  .pipe(z.url({ protocol: /^https?$/, message: "Enter a full web address starting with https:// or http://." }).nullable());

// Shared by the organization forms and lib/organizations/service.ts.
export const organizationFieldsSchema = z.object({
  name: requiredText("Give the organization's name.", 200),
  acronym: optionalText(40),
  type: z.enum(ORGANIZATION_TYPES, { message: "Choose a type." }),
  website,
});

export const createOrganizationSchema = organizationFieldsSchema;
export const updateOrganizationSchema = z.object({ organizationId: recordId, version }).extend(organizationFieldsSchema.shape);
export const retireOrganizationSchema = z.object({ organizationId: recordId, version, retired: retiredFlag });

export const ORGANIZATION_LABELS: Record<string, string> = { name: "Name", acronym: "Acronym", type: "Type", website: "Website", retiredAt: "Retired" };

export function organizationFormValues(o: Pick<Organization, "name" | "acronym" | "type" | "website">): Record<string, string> {
  return { name: o.name, acronym: o.acronym ?? "", type: o.type, website: o.website ?? "" };
}
