"use client";

import { useState } from "react";

// Reorders the report's sections inside the editor form: the order travels as
// repeated hidden "sectionOrder" fields and is saved with the draft. Buttons,
// not drag and drop, so it works from the keyboard and with a screen reader;
// each move is announced.
export function SectionOrder({ initial, titles }: { initial: string[]; titles: Record<string, string> }) {
  const [order, setOrder] = useState(initial);
  const [said, setSaid] = useState("");
  const move = (index: number, by: -1 | 1) => {
    const next = [...order];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    setOrder(next);
    setSaid(`${titles[item!]} moved to position ${index + by + 1} of ${next.length}.`);
  };
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">Order of the sections</legend>
      <ol className="space-y-1">
        {order.map((key, i) => (
          <li key={key} className="flex flex-wrap items-center gap-2 rounded border border-slate-200 bg-white px-2 py-1 text-sm">
            <input type="hidden" name="sectionOrder" value={key} />
            <span className="min-w-48 flex-1">
              {i + 1}. {titles[key]}
            </span>
            <button type="button" onClick={() => move(i, -1)} disabled={i === 0} className="rounded border border-slate-400 px-2 py-0.5 disabled:opacity-50" aria-label={`Move ${titles[key]} up`}>
              Up
            </button>
            <button type="button" onClick={() => move(i, 1)} disabled={i === order.length - 1} className="rounded border border-slate-400 px-2 py-0.5 disabled:opacity-50" aria-label={`Move ${titles[key]} down`}>
              Down
            </button>
          </li>
        ))}
      </ol>
      <p aria-live="polite" className="sr-only">
        {said}
      </p>
    </fieldset>
  );
}
