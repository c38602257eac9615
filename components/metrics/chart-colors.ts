// Chart colours, as plain hex so the same SVG draws without Tailwind (PDFs).
// Contrast against white: lines, markers and grid ≥ 3:1 (WCAG 1.4.11), text ≥ 4.5:1.
export const CHART_COLORS = {
  actual: "#1e3a8a", // blue-900, 10.4:1
  target: "#b45309", // amber-700, 5.0:1
  baseline: "#334155", // slate-700, 10.4:1
  text: "#334155",
  axis: "#334155",
  grid: "#848e9f", // 3.3:1: the lightest grey that still meets 3:1
} as const;
