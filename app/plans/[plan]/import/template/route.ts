import { getCurrentActor } from "@/lib/auth/session";
import { importTemplate, parseImportKind } from "@/lib/imports/template";
import { errorResponse, parseFormat, spreadsheetResponse } from "@/lib/spreadsheets/response";

// GET /plans/<slug>/import/template?kind=actions|updates|measurements&format=csv|xlsx
export async function GET(request: Request) {
  try {
    const query = new URL(request.url).searchParams;
    const format = parseFormat(query.get("format"));
    const { table, notes, fileName } = importTemplate(await getCurrentActor(), parseImportKind(query.get("kind")));
    return await spreadsheetResponse(table, format, fileName, [notes]);
  } catch (error) {
    return errorResponse(error);
  }
}
