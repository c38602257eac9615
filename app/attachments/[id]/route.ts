import { NextResponse } from "next/server";
import { downloadResponse } from "@/lib/attachments/download";
import { openAttachment } from "@/lib/attachments/service";
import { getCurrentActor } from "@/lib/auth/session";
import { HTTP_STATUS, isAppError } from "@/lib/errors";

// GET /attachments/<id>: a progress update's file, for signed-in readers only.
// The proxy sends visitors without a session cookie to the sign-in page; this
// handler refuses anyone else without a valid session itself (401, no redirect).
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    return downloadResponse(openAttachment(await getCurrentActor(), id));
  } catch (error) {
    if (isAppError(error)) return NextResponse.json({ error: error.message }, { status: HTTP_STATUS[error.code], headers: { "Cache-Control": "no-store" } });
    throw error;
  }
}
