import { z } from "zod";
import { ACTION_STATUSES } from "@/db/schema/enums";

const optionalDate = z
  .string()
  .trim()
  .transform((v) => (v === "" ? null : v))
  .pipe(z.iso.date("Use a date like 2026-03-31.").nullable());

// Shared by the action edit form and updateAction().
export const updateActionSchema = z
  .object({
    actionId: z.coerce.number().int().positive(),
    version: z.coerce.number().int().positive(),
    status: z.enum(ACTION_STATUSES, { message: "Choose a status." }),
    percentComplete: z.coerce.number({ message: "Enter a number from 0 to 100." }).int("Use a whole number.").min(0, "Use 0 to 100.").max(100, "Use 0 to 100."),
    leadPerson: z
      .string()
      .trim()
      .max(200, "Use at most 200 characters.")
      .transform((v) => v || null),
    isPriority: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
    startDate: optionalDate,
    dueDate: optionalDate,
  })
  .refine((d) => !d.startDate || !d.dueDate || d.startDate <= d.dueDate, { path: ["dueDate"], message: "The due date is before the start date." });

export type UpdateActionInput = z.input<typeof updateActionSchema>;
