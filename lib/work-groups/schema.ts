import { z } from "zod";
import { WORK_GROUP_STATUSES } from "@/db/schema/enums";
import type { WorkGroup } from "@/db/schema";
import { idList, moveDirection, optionalId, optionalText, recordId, requiredText, retiredFlag, version } from "@/lib/editing/fields";

// Shared by the work group forms and lib/work-groups/service.ts.
export const workGroupFieldsSchema = z.object({
  key: requiredText("Give the group a short key for its address, such as energy-wg.", 60).regex(/^[a-z0-9][a-z0-9-]*$/, "Use lower-case letters, digits and hyphens, starting with a letter or digit."),
  name: requiredText("Give the group a name.", 200),
  description: optionalText(5000),
  leadOrganizationId: optionalId("Choose the lead organization from the list."),
  status: z.enum(WORK_GROUP_STATUSES, { message: "Choose a status." }),
  sectionIds: idList,
});

export const createWorkGroupSchema = z.object({ planId: recordId }).extend(workGroupFieldsSchema.shape);
export const updateWorkGroupSchema = z.object({ workGroupId: recordId, version }).extend(workGroupFieldsSchema.shape);
export const moveWorkGroupSchema = z.object({ workGroupId: recordId, direction: moveDirection });
export const retireWorkGroupSchema = z.object({ workGroupId: recordId, version, retired: retiredFlag });

export const WORK_GROUP_LABELS: Record<string, string> = {
  key: "Key",
  name: "Name",
  description: "Description",
  leadOrganizationId: "Lead organization",
  status: "Status",
  sectionIds: "Linked sections",
  retiredAt: "Retired",
};

export function workGroupFormValues(g: Pick<WorkGroup, "key" | "name" | "description" | "leadOrganizationId" | "status">, sectionIds: number[]): Record<string, string> {
  return {
    key: g.key,
    name: g.name,
    description: g.description ?? "",
    leadOrganizationId: g.leadOrganizationId ? String(g.leadOrganizationId) : "",
    status: g.status,
    sectionIds: [...sectionIds].sort((a, b) => a - b).join(","),
  };
}
