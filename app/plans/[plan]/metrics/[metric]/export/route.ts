import { getCurrentActor } from "@/lib/auth/session";
import { exportMetricHistory } from "@/lib/exports/measurements";
import { errorResponse, parseFormat, spreadsheetResponse } from "@/lib/spreadsheets/response";

// GET /plans/<slug>/metrics/<key>/export?format=csv|xlsx: one metric's values,
// current and corrected, as one file.
export async function GET(request: Request, { params }: { params: Promise<{ plan: string; metric: string }> }) {
  const { plan, metric } = await params;
  try {
    const format = parseFormat(new URL(request.url).searchParams.get("format"));
    const { table, fileName } = exportMetricHistory(await getCurrentActor(), plan, metric);
    return await spreadsheetResponse(table, format, fileName);
  } catch (error) {
    return errorResponse(error);
  }
}
