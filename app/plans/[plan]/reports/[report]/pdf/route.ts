import { reportFileResponse } from "@/lib/reports/file-response";

// GET /plans/<slug>/reports/<id>/pdf: the report as a PDF (authorised in lib/reports/files.ts).
export async function GET(_request: Request, { params }: { params: Promise<{ plan: string; report: string }> }) {
  return reportFileResponse(await params, "pdf");
}
