"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton, TextAreaField, TextField, fieldError, formKey } from "@/components/forms/fields";
import type { FormState } from "@/lib/forms/form-action";
import { SectionOrder } from "./section-order";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

export interface EditorValues {
  reportId: number;
  version: number;
  title: string;
  introduction: string;
  highlights: string;
  asks: string;
  clusterNotes: Record<string, string>;
  featuredUpdateIds: number[];
  sectionOrder: string[];
}

const HINT = "Markdown: **bold**, *italic*, lists, links.";

// The staff's part of a draft: texts, featured narratives and section order.
// The figures are not edited here; they come from the data (refresh them).
export function ReportEditor({
  action,
  values,
  clusters,
  narratives,
  sectionTitles,
}: {
  action: Action;
  values: EditorValues;
  clusters: { key: string; title: string }[];
  narratives: { updateId: number; heading: string; excerpt: string }[];
  sectionTitles: Record<string, string>;
}) {
  const [state, submit, pending] = useActionState(action, null);
  // The page re-renders with the saved draft (and its new version) after each save or refresh.
  const version = String(values.version);
  const featuredError = fieldError(state, "featuredUpdateIds");
  return (
    <form action={submit} key={formKey(state)} aria-label="Edit the report" className="space-y-5">
      <input type="hidden" name="reportId" value={values.reportId} />
      <input type="hidden" name="version" value={version} />
      <TextField idPrefix="report" label="Title" name="title" state={state} defaultValue={values.title} required />
      <TextAreaField idPrefix="report" label="Introduction" name="introduction" state={state} defaultValue={values.introduction} hint={HINT} rows={5} />
      <TextAreaField idPrefix="report" label="Highlights" name="highlights" state={state} defaultValue={values.highlights} hint={HINT} rows={5} />
      <fieldset className="space-y-2" aria-describedby={featuredError ? "featured-error" : "featured-hint"}>
        <legend className="text-sm font-medium text-slate-800">Featured updates</legend>
        <p id="featured-hint" className="text-xs text-slate-700">
          Shown under Highlights, in plan order. Only this period&apos;s accepted updates can be featured.
        </p>
        {narratives.length === 0 ? (
          <p className="text-sm text-slate-700">No update for this period has been accepted yet.</p>
        ) : (
          <ul className="space-y-1">
            {narratives.map((n) => (
              <li key={n.updateId} className="flex gap-2 text-sm">
                <input type="checkbox" id={`feature-${n.updateId}`} name="featuredUpdateIds" value={n.updateId} defaultChecked={values.featuredUpdateIds.includes(n.updateId)} className="mt-1" />
                <label htmlFor={`feature-${n.updateId}`}>
                  <span className="font-medium">{n.heading}</span> <span className="text-slate-700">{n.excerpt}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
        {featuredError && (
          <p id="featured-error" className="text-sm text-red-800">
            {featuredError}
          </p>
        )}
      </fieldset>
      <TextAreaField idPrefix="report" label="Asks of the Executive Committee" name="asks" state={state} defaultValue={values.asks} hint={HINT} rows={4} />
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-800">A note per cluster (optional; shown at the top of the cluster&apos;s section)</legend>
        {clusters.map((c) => (
          <TextAreaField key={c.key} idPrefix="report" label={`Note on ${c.title}`} name={`note:${c.key}`} state={state} defaultValue={values.clusterNotes[c.key] ?? ""} rows={3} />
        ))}
      </fieldset>
      <SectionOrder initial={values.sectionOrder} titles={sectionTitles} />
      <FormMessage state={state} />
      <SubmitButton pending={pending}>Save draft</SubmitButton>
    </form>
  );
}
