import { getCurrentActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { exportActionUpdates } from "@/lib/exports/updates";
import { errorResponse, parseFormat, spreadsheetResponse } from "@/lib/spreadsheets/response";

// GET /actions/<id>/updates/export?format=csv|xlsx: the action's update history.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const format = parseFormat(new URL(request.url).searchParams.get("format"));
    if (!/^\d{1,12}$/.test(id)) throw new AppError("NOT_FOUND", "No such action.");
    const { table, fileName } = exportActionUpdates(await getCurrentActor(), Number(id));
    return await spreadsheetResponse(table, format, fileName);
  } catch (error) {
    return errorResponse(error);
  }
}
