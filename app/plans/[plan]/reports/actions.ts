"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/forms/form-action";
import { reportHref } from "@/lib/reports/queries";
import { acknowledgeReport, createReportDraft, publishReport, refreshReportDraft, supersedeReport, updateReportDraft } from "@/lib/reports/service";

// Thin callers: lib/reports/service.ts validates, authorizes and audits.
const refresh = () => revalidatePath("/plans/[plan]/reports", "layout");

export const createReportAction = formAction((input, actor) => {
  const row = createReportDraft(actor, input);
  refresh();
  redirect(`${reportHref(row.id)}/edit`);
});

// The editor posts one field per cluster note ("note:<section key>") and the
// section order as a repeated field; the service takes them as one object.
function editorInput(input: Record<string, unknown>) {
  const clusterNotes: Record<string, string> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key.startsWith("note:")) clusterNotes[key.slice(5)] = String(value);
    else rest[key] = value;
  }
  const order = rest.sectionOrder;
  return { ...rest, clusterNotes, sectionOrder: order === undefined ? undefined : Array.isArray(order) ? order : [order] };
}

export const saveReportAction = formAction((input, actor) => {
  const { version } = updateReportDraft(actor, editorInput(input));
  refresh();
  return { ok: true, message: "Draft saved.", result: { version: String(version) } };
});

export const refreshReportAction = formAction((input, actor) => {
  refreshReportDraft(actor, input);
  refresh();
  return { ok: true, message: "Figures refreshed from the live data. Your texts are unchanged." };
});

export const publishReportAction = formAction((input, actor) => {
  publishReport(actor, input);
  refresh();
  redirect(reportHref(Number(input.reportId)));
});

export const supersedeReportAction = formAction((input, actor) => {
  const row = supersedeReport(actor, input);
  refresh();
  redirect(`${reportHref(row.id)}/edit`);
});

export const acknowledgeReportAction = formAction((input, actor) => {
  const { acknowledged } = acknowledgeReport(actor, input);
  refresh();
  return { ok: true, message: acknowledged ? "Thank you: your acknowledgement is recorded." : "You had already acknowledged this report." };
});
