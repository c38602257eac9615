import type { Metadata } from "next";
import { countPlans } from "@/lib/plans/status";

export const metadata: Metadata = { title: "Service status" };

export default function StatusPage() {
  const n = countPlans();
  return (
    <div>
      <h1>Service status</h1>
      <p className="mt-2">The database is reachable and holds {n === 1 ? "1 plan" : `${n} plans`}.</p>
    </div>
  );
}
