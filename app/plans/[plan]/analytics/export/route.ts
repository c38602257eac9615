import { analyticsExport } from "@/lib/analytics/queries";
import { getCurrentActor } from "@/lib/auth/session";
import { errorResponse, parseFormat, spreadsheetResponse } from "@/lib/spreadsheets/response";

// GET /plans/<slug>/analytics/export?format=csv|xlsx&year=&estimate=1&cluster=<key>:
// the overview's table, or a cluster's tables (one sheet each in the XLSX;
// the CSV holds the first), exactly as the page shows them.
export async function GET(request: Request, { params }: { params: Promise<{ plan: string }> }) {
  const { plan } = await params;
  try {
    const query = new URL(request.url).searchParams;
    const format = parseFormat(query.get("format"));
    const { tables, fileName } = analyticsExport(await getCurrentActor(), plan, Object.fromEntries(query));
    const [first, ...rest] = tables;
    return await spreadsheetResponse(first, format, fileName, rest);
  } catch (error) {
    return errorResponse(error);
  }
}
