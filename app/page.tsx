import { redirect } from "next/navigation";
import { getDefaultPlanSlug } from "@/lib/plans/queries";

export default function HomePage() {
  const slug = getDefaultPlanSlug();
  redirect(slug ? `/plans/${slug}` : "/plans");
}
