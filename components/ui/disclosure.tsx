"use client";

import { useState } from "react";

// A <details> whose first state comes from the server but is the reader's
// afterwards: a re-render after saving must not fold away the saved message.
export function Disclosure({ initiallyOpen, summary, children, className = "" }: { initiallyOpen: boolean; summary: React.ReactNode; children: React.ReactNode; className?: string }) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <details className={className} open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer text-sm font-medium text-blue-800">{summary}</summary>
      {children}
    </details>
  );
}
