import { z } from "zod";
import type { Action } from "@/db/schema";
import { CHAMPION_ROLES } from "@/db/schema/enums";
import { championsJson } from "./champions-json";
import { checkbox, jsonList, moveDirection, optionalDate, optionalId, optionalText, recordId, requiredText, retiredFlag, version } from "@/lib/editing/fields";

const champion = z.object({
  organizationId: z.coerce.number().int().positive("Choose an organization for each champion, or remove the empty row."),
  role: z.enum(CHAMPION_ROLES, { message: "Choose lead, partner or funder for each champion." }),
});

// Status and percent complete are not here: they come from progress updates
// (lib/updates/rollup.ts), never from editing the action.
export const actionFieldsSchema = z
  .object({
    code: requiredText("Give the action a code, such as EN-7.", 40),
    title: optionalText(300),
    text: requiredText("Write what the action is.", 5000),
    sectionId: optionalId("Choose a section, or “Plan-wide”."),
    workGroupId: optionalId("Choose a work group from the list."),
    champions: jsonList(champion, "The champions list could not be read; reload the page.").refine((list) => new Set(list.map((c) => c.organizationId)).size === list.length, "Each organization can be listed once."),
    leadPerson: optionalText(200),
    leadUserId: optionalId("Choose an account from the list."),
    isPriority: checkbox,
    startDate: optionalDate,
    dueDate: optionalDate,
  })
  .refine((d) => !d.startDate || !d.dueDate || d.startDate <= d.dueDate, { path: ["dueDate"], message: "The due date is before the start date." });

// Shared by the action forms and lib/actions/service.ts.
export const createActionSchema = z.object({ planId: recordId }).and(actionFieldsSchema);
export const updateActionSchema = z.object({ actionId: recordId, version }).and(actionFieldsSchema);
export const moveActionSchema = z.object({ actionId: recordId, direction: moveDirection });
export const retireActionSchema = z.object({ actionId: recordId, version, retired: retiredFlag });

export type UpdateActionInput = z.input<typeof updateActionSchema>;
export type ChampionInput = z.infer<typeof champion>;

export const ACTION_LABELS: Record<string, string> = {
  code: "Code",
  title: "Short title",
  text: "Action text",
  sectionId: "Section",
  workGroupId: "Work group",
  champions: "Champions",
  leadPerson: "Lead person",
  leadUserId: "Lead account",
  isPriority: "Priority",
  startDate: "Start date",
  dueDate: "Due date",
  retiredAt: "Retired",
};


type Editable = Pick<Action, "code" | "title" | "text" | "sectionId" | "workGroupId" | "leadPerson" | "leadUserId" | "isPriority" | "startDate" | "dueDate">;

export function actionFormValues(a: Editable, champions: { organizationId: number; role: string }[]): Record<string, string> {
  return {
    code: a.code,
    title: a.title ?? "",
    text: a.text,
    sectionId: a.sectionId ? String(a.sectionId) : "",
    workGroupId: a.workGroupId ? String(a.workGroupId) : "",
    champions: championsJson(champions),
    leadPerson: a.leadPerson ?? "",
    leadUserId: a.leadUserId ? String(a.leadUserId) : "",
    isPriority: a.isPriority ? "on" : "",
    startDate: a.startDate ?? "",
    dueDate: a.dueDate ?? "",
  };
}
