"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/forms/form-action";
import { createPeriod, makeCurrentPeriod, setPeriodStatus, updatePeriod } from "@/lib/periods/service";
import { updateReportingSettings } from "@/lib/plans/settings";

// Thin callers: the services validate, authorize and audit.
const refresh = () => revalidatePath("/plans/[plan]", "layout");

export const createPeriodAction = formAction((input, actor) => {
  const period = createPeriod(actor, input);
  refresh();
  return { ok: true, message: `${period.label} added.` };
});

export const updatePeriodAction = formAction((input, actor) => {
  const period = updatePeriod(actor, input);
  refresh();
  return { ok: true, message: `${period.label} saved.`, result: { version: String(period.version) } };
});

export const setPeriodStatusAction = formAction((input, actor) => {
  const period = setPeriodStatus(actor, input);
  refresh();
  return { ok: true, message: `${period.label} is ${period.status}.` };
});

export const makeCurrentAction = formAction((input, actor) => {
  const period = makeCurrentPeriod(actor, input);
  refresh();
  return { ok: true, message: `${period.label} is now the current period.` };
});

export const reportingSettingsAction = formAction((input, actor) => {
  updateReportingSettings(actor, input);
  refresh();
  return { ok: true, message: "Reporting settings saved." };
});
