import { notFound } from "next/navigation";
import { getPlanBySlug } from "./queries";

// For routes under /plans/[plan]: the plan, or the 404 page.
export function loadPlanOr404(slug: string) {
  const plan = getPlanBySlug(slug);
  if (!plan) notFound();
  return plan;
}
