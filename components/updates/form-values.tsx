import type { ActionStatus } from "@/db/schema/enums";
import type { ProgressUpdate } from "@/db/schema";
import { linksToText } from "@/lib/updates/queries";
import type { UpdateFormValues } from "./update-form";

// What an update form opens with: the period's update if there is one,
// otherwise the action's current status and percent with an empty narrative.
export function updateFormValues(existing: Pick<ProgressUpdate, "id" | "version" | "status" | "percentComplete" | "narrative" | "links" | "reviewState"> | null | undefined, action: { status: ActionStatus; percentComplete: number }): UpdateFormValues {
  return {
    id: existing?.id ?? null,
    version: existing?.version ?? 0,
    status: existing?.status ?? action.status,
    percentComplete: existing?.percentComplete ?? action.percentComplete,
    narrative: existing?.narrative ?? "",
    links: existing ? linksToText(existing.links) : "",
    reviewState: existing?.reviewState ?? null,
  };
}

// The staff note on a returned update, shown above its form.
export function ReturnedNote({ update, className = "" }: { update: Pick<ProgressUpdate, "reviewState" | "reviewNote"> | null | undefined; className?: string }) {
  if (update?.reviewState !== "returned" || !update.reviewNote) return null;
  return (
    <p className={`rounded border border-red-200 bg-red-50 p-2 text-sm text-red-900 ${className}`}>
      <span className="font-medium">Returned by staff:</span> {update.reviewNote}
    </p>
  );
}
