import { calendarFeed } from "@/lib/calendar/feed";

// A person's reporting deadlines as an iCalendar feed for their calendar app.
// Public on purpose (calendar apps cannot sign in): the secret token in the
// URL is the credential, so an unknown token, or one of a deactivated account,
// is a plain 404. Never cached anywhere along the way.
const HEADERS = { "X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store" };

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ics = calendarFeed(token);
  if (!ics) return new Response("Not found\n", { status: 404, headers: { ...HEADERS, "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(ics, { headers: { ...HEADERS, "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'inline; filename="reporting-deadlines.ics"' } });
}
