import { redirect } from "next/navigation";
import { requireReader } from "@/lib/auth/guards";
import { getDefaultPlanSlug } from "@/lib/plans/queries";

export default async function HomePage() {
  await requireReader();
  const slug = getDefaultPlanSlug();
  redirect(slug ? `/plans/${slug}` : "/plans");
}
