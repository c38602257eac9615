"use client";

import { useId, useState } from "react";
import { CorrectionForm } from "./correction-form";

type FormProps = React.ComponentProps<typeof CorrectionForm>;

// "Correct" under a recorded value, with the form rendered only while open: a
// long history then costs a button per value rather than a form per value.
// It stays open after saving, so the outcome message shows.
export function FoldedCorrectionForm({ form, period }: { form: FormProps; period: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="mt-1">
      <button type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)} className="text-sm text-blue-800 underline underline-offset-2">
        {open ? "Close" : "Correct"}
        <span className="sr-only"> the {period} value</span>
      </button>
      <div id={id} className={open ? "mt-2 w-72 max-w-full sm:w-96" : undefined}>
        {open && <CorrectionForm {...form} />}
      </div>
    </div>
  );
}
