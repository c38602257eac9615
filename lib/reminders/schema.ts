import { z } from "zod";

// A run may be told which day it is (the CLI's --today, and tests); otherwise
// it is today in UTC, the calendar the deadlines are kept in.
export const runRemindersSchema = z.object({
  today: z.iso.date("Give the day as YYYY-MM-DD.").optional(),
  // The hourly timer leaves no audit entry when nothing was due.
  quiet: z.boolean().optional(),
});

export type RunRemindersInput = z.input<typeof runRemindersSchema>;
