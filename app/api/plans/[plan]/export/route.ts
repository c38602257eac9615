import { NextResponse } from "next/server";
import { getCurrentActor } from "@/lib/auth/session";
import { HTTP_STATUS, isAppError } from "@/lib/errors";
import { exportPlan } from "@/lib/plans/export";

// GET /api/plans/<slug>/export: the whole plan as a JSON document that
// `npm run plan:import` reads back.
export async function GET(_request: Request, { params }: { params: Promise<{ plan: string }> }) {
  const { plan } = await params;
  try {
    const document = exportPlan(await getCurrentActor(), plan);
    return new NextResponse(JSON.stringify(document, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        // The file name is chosen by the server from the validated slug only.
        "Content-Disposition": `attachment; filename="${document.plan.slug}.plan.json"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (isAppError(error)) return NextResponse.json({ error: error.message }, { status: HTTP_STATUS[error.code] });
    throw error;
  }
}
