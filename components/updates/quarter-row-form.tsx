"use client";

import { useId, useState } from "react";
import { UpdateForm } from "./update-form";

type FormProps = React.ComponentProps<typeof UpdateForm>;

// A "My quarter" row's form, rendered only while it is open. A lead of a
// big plan has hundreds of rows: closed rows cost a line of HTML instead of a
// whole form, which keeps the page fast. Once opened, a row stays open after
// saving so its message stays on screen.
export function QuarterRowForm({ initiallyOpen, done, code, form }: { initiallyOpen: boolean; done: boolean; code: string; form: FormProps }) {
  const [open, setOpen] = useState(initiallyOpen);
  const id = useId();
  return (
    <div className="mt-3">
      <button type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)} className="text-sm font-medium text-blue-800 underline underline-offset-2">
        {open ? "Hide the form" : done ? "Change this update" : "Write this period's update"}
        <span className="sr-only"> for {code}</span>
      </button>
      <div id={id} className={open ? "mt-3" : undefined}>
        {open && <UpdateForm {...form} />}
      </div>
    </div>
  );
}
