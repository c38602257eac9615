import { getCurrentActor } from "@/lib/auth/session";
import { exportPlanMeasurements } from "@/lib/exports/measurements";
import { errorResponse, parseFormat, spreadsheetResponse } from "@/lib/spreadsheets/response";

// GET /plans/<slug>/metrics/export?format=csv|xlsx&cluster=<sectionId>&status=<status>:
// every current measurement of the metrics the overview lists with those filters.
export async function GET(request: Request, { params }: { params: Promise<{ plan: string }> }) {
  const { plan } = await params;
  try {
    const query = new URL(request.url).searchParams;
    const format = parseFormat(query.get("format"));
    const { table, fileName } = exportPlanMeasurements(await getCurrentActor(), plan, Object.fromEntries(query));
    return await spreadsheetResponse(table, format, fileName);
  } catch (error) {
    return errorResponse(error);
  }
}
