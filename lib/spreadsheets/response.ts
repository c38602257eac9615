import { NextResponse } from "next/server";
import { AppError, HTTP_STATUS, isAppError } from "@/lib/errors";
import { CONTENT_TYPES, renderTable, SPREADSHEET_FORMATS, type SpreadsheetFormat, type Table } from "./write";

// Shared by the download routes: the format from the query string, the file
// as an attachment under a name the server chooses, and errors as JSON.

export function parseFormat(value: string | null): SpreadsheetFormat {
  const format = SPREADSHEET_FORMATS.find((f) => f === value);
  if (!format) throw new AppError("INVALID_INPUT", "Ask for format=csv or format=xlsx.");
  return format;
}

// Lower-case letters, digits and single dashes: safe in a header and on any disk.
export function fileNamePart(text: string): string {
  return (
    text
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "export"
  );
}

export async function spreadsheetResponse(table: Table, format: SpreadsheetFormat, baseName: string, extra: Table[] = []): Promise<Response> {
  const body = await renderTable(table, format, extra);
  return new Response(body as BodyInit, {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${fileNamePart(baseName)}.${format}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}

export function errorResponse(error: unknown): Response {
  if (isAppError(error)) return NextResponse.json({ error: error.message }, { status: HTTP_STATUS[error.code] });
  throw error;
}
