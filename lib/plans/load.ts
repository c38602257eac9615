import { notFound } from "next/navigation";
import { requireReader } from "@/lib/auth/guards";
import { getPlanBySlug } from "./queries";

// For routes under /plans/[plan]: a signed-in reader, and the plan or the 404 page.
export async function loadPlanOr404(slug: string) {
  await requireReader();
  const plan = getPlanBySlug(slug);
  if (!plan) notFound();
  return plan;
}
