import { getCurrentActor } from "@/lib/auth/session";
import { exportTracker } from "@/lib/exports/tracker";
import { errorResponse, parseFormat, spreadsheetResponse } from "@/lib/spreadsheets/response";

// GET /plans/<slug>/tracker/export?format=csv|xlsx&period=<id>&group=<key>&state=<state>:
// the submission tracker of a period (the current one by default).
export async function GET(request: Request, { params }: { params: Promise<{ plan: string }> }) {
  const { plan } = await params;
  try {
    const query = new URL(request.url).searchParams;
    const format = parseFormat(query.get("format"));
    const { table, fileName } = exportTracker(await getCurrentActor(), plan, Object.fromEntries(query));
    return await spreadsheetResponse(table, format, fileName);
  } catch (error) {
    return errorResponse(error);
  }
}
