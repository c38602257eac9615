const STYLES: Record<string, { label: string; className: string }> = {
  draft: { label: "Draft, not submitted", className: "bg-slate-100 text-slate-800 ring-slate-300" },
  submitted: { label: "Submitted, awaiting review", className: "bg-amber-50 text-amber-900 ring-amber-300" },
  accepted: { label: "Accepted", className: "bg-green-50 text-green-900 ring-green-300" },
  returned: { label: "Returned for changes", className: "bg-red-50 text-red-900 ring-red-300" },
};

export function ReviewStateBadge({ state }: { state: string }) {
  const s = STYLES[state] ?? STYLES.draft!;
  return <span className={`badge ${s.className}`}>{s.label}</span>;
}
