import { getCurrentActor } from "@/lib/auth/session";
import { errorResponse } from "@/lib/spreadsheets/response";
import { REPORT_CONTENT_TYPES, reportFile, type ReportFileKind } from "./files";

// The HTTP side of a report download, shared by the PDF and XLSX routes.
export async function reportFileResponse(params: { plan: string; report: string }, kind: ReportFileKind): Promise<Response> {
  try {
    const { bytes, fileName } = await reportFile(await getCurrentActor(), params.plan, /^\d+$/.test(params.report) ? Number(params.report) : NaN, kind);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": REPORT_CONTENT_TYPES[kind],
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Content-Length": String(bytes.length),
        "X-Content-Type-Options": "nosniff",
        // A published edition's file never changes, but it is not public: keep it out of shared caches.
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
