import { parseActionFilters } from "@/lib/actions/filters";
import { getCurrentActor } from "@/lib/auth/session";
import { exportActionList } from "@/lib/exports/actions";
import { errorResponse, parseFormat, spreadsheetResponse } from "@/lib/spreadsheets/response";

// GET /plans/<slug>/actions/export?format=csv|xlsx&<the list's filters>:
// every action the filtered list shows, as one file.
export async function GET(request: Request, { params }: { params: Promise<{ plan: string }> }) {
  const { plan } = await params;
  try {
    const query = new URL(request.url).searchParams;
    const format = parseFormat(query.get("format"));
    const { table, fileName } = exportActionList(await getCurrentActor(), plan, parseActionFilters(Object.fromEntries(query)));
    return await spreadsheetResponse(table, format, fileName);
  } catch (error) {
    return errorResponse(error);
  }
}
