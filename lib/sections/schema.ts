import { z } from "zod";
import { SECTION_KINDS } from "@/db/schema/enums";
import type { Section } from "@/db/schema";
import { moveDirection, optionalId, optionalText, recordId, requiredText, retiredFlag, version } from "@/lib/editing/fields";

// Shared by the section forms and lib/sections/service.ts.
export const sectionFieldsSchema = z.object({
  parentId: optionalId("Choose a parent section, or none for a top-level one."),
  kind: z.enum(SECTION_KINDS, { message: "Choose what kind of section this is." }),
  code: optionalText(40),
  title: requiredText("Give the section a title.", 300),
  description: optionalText(5000),
});

export const createSectionSchema = z.object({ planId: recordId }).extend(sectionFieldsSchema.shape);
export const updateSectionSchema = z.object({ sectionId: recordId, version }).extend(sectionFieldsSchema.shape);
export const moveSectionSchema = z.object({ sectionId: recordId, direction: moveDirection });
export const retireSectionSchema = z.object({ sectionId: recordId, version, retired: retiredFlag });

export const SECTION_LABELS: Record<string, string> = { parentId: "Parent section", kind: "Kind", code: "Code", title: "Title", description: "Description", retiredAt: "Retired" };

// The record as the edit form posts it: the form's starting values, and what
// a refused save sends back so the form can show the other person's change.
export function sectionFormValues(s: Pick<Section, "parentId" | "kind" | "code" | "title" | "description">): Record<string, string> {
  return { parentId: s.parentId ? String(s.parentId) : "", kind: s.kind, code: s.code ?? "", title: s.title, description: s.description ?? "" };
}
