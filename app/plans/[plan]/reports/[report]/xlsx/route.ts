import { reportFileResponse } from "@/lib/reports/file-response";

// GET /plans/<slug>/reports/<id>/xlsx: the data behind every table of the report.
export async function GET(_request: Request, { params }: { params: Promise<{ plan: string; report: string }> }) {
  return reportFileResponse(await params, "xlsx");
}
