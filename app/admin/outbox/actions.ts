"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/forms/form-action";
import { describeRun, runReminders } from "@/lib/reminders/service";

// Thin caller: runReminders authorizes (reminder.send) and audits.
export const runRemindersAction = formAction(async (_input, actor) => {
  const run = await runReminders(actor);
  revalidatePath("/admin/outbox");
  return { ok: true, message: describeRun(run) };
});
