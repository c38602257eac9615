import { formatCount } from "@/lib/format";

// Figures as the analytics pages print them. "—" where a figure cannot be
// formed (no reference data, one year only), never 0.

export const DASH = "—";
export const jobs = (x: number | null | undefined) => (x === null || x === undefined ? DASH : formatCount(Math.round(x)));
export const signedJobs = (x: number | null | undefined) => (x === null || x === undefined ? DASH : `${x > 0 ? "+" : x < 0 ? "−" : ""}${formatCount(Math.abs(Math.round(x)))}`);
export const percent = (share: number | null | undefined, digits = 1) => (share === null || share === undefined ? DASH : `${(share * 100).toFixed(digits)}%`);
export const signedPercent = (p: number | null | undefined) => (p === null || p === undefined ? DASH : `${p > 0 ? "+" : p < 0 ? "−" : ""}${Math.abs(p).toFixed(1)}%`);
export const quotient = (x: number | null | undefined) => (x === null || x === undefined ? DASH : x.toFixed(2));
export const dollars = (x: number | null | undefined) => (x === null || x === undefined ? DASH : `$${formatCount(Math.round(x))}`);
