"use client";

import { useId, useState } from "react";
import { MeasurementForm } from "./measurement-form";

type FormProps = React.ComponentProps<typeof MeasurementForm>;

// A measurement form behind a button, rendered only while open: My quarter
// can list hundreds of metrics, and a closed one costs a line of HTML rather
// than a form. Once opened it stays open after saving, so its message shows.
export function FoldedMeasurementForm({ initiallyOpen, form }: { initiallyOpen: boolean; form: FormProps }) {
  const [open, setOpen] = useState(initiallyOpen);
  const id = useId();
  return (
    <div className="mt-2">
      <button type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)} className="text-sm font-medium text-blue-800 underline underline-offset-2">
        {open ? "Hide the form" : "Record a value"}
        <span className="sr-only"> of {form.metric.name}</span>
      </button>
      <div id={id} className={open ? "mt-2" : undefined}>
        {open && <MeasurementForm {...form} />}
      </div>
    </div>
  );
}
