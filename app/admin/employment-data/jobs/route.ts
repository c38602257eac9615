import { NextResponse } from "next/server";
import { importJobs } from "@/lib/analytics/import-jobs";
import { authorize } from "@/lib/auth/permissions";
import { getCurrentActor } from "@/lib/auth/session";
import { errorResponse } from "@/lib/spreadsheets/response";

// GET /admin/employment-data/jobs?ids=a,b: the progress of the caller's own
// uploads, polled by the upload form. Never cached.
export async function GET(request: Request) {
  try {
    const actor = await getCurrentActor();
    authorize(actor, "analytics.manage");
    const ids = (new URL(request.url).searchParams.get("ids") ?? "").split(",").filter(Boolean).slice(0, 50);
    return NextResponse.json({ jobs: importJobs(actor, ids) }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
