import { z } from "zod";
import { PERIOD_STATUSES } from "@/db/schema/enums";

const date = (label: string) => z.string().trim().pipe(z.iso.date(`Enter the ${label} as a date like 2013-03-31.`));
// The order checks still run when a date is malformed (zod reports both), so
// they compare only real dates: a typo in one field must not blame another.
const dates = (...values: string[]) => values.every((v) => z.iso.date().safeParse(v).success);

// Shared by the period form and createPeriod()/updatePeriod().
export const periodFieldsSchema = z
  .object({
    label: z.string().trim().min(1, "Give the period a name, such as 2013 Q1.").max(40, "Use at most 40 characters."),
    startDate: date("start date"),
    endDate: date("end date"),
    deadline: date("update deadline"),
  })
  .refine((d) => !dates(d.startDate, d.endDate) || d.startDate <= d.endDate, { path: ["endDate"], message: "The end date is before the start date." })
  .refine((d) => !dates(d.startDate, d.deadline) || d.deadline >= d.startDate, { path: ["deadline"], message: "The deadline is before the period starts." });

export const createPeriodSchema = z.object({ planId: z.coerce.number().int().positive() }).and(periodFieldsSchema);

export const updatePeriodSchema = z
  .object({ periodId: z.coerce.number().int().positive(), version: z.coerce.number().int().positive() })
  .and(periodFieldsSchema);

export const setPeriodStatusSchema = z.object({
  periodId: z.coerce.number().int().positive(),
  status: z.enum(PERIOD_STATUSES, { message: "Choose planned, open or closed." }),
});

export const makeCurrentSchema = z.object({ periodId: z.coerce.number().int().positive() });
