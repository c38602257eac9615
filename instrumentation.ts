// Next.js calls register() once when the server starts: migrate and seed
// before the first request rather than inside one, then start the hourly
// reminder job (lib/reminders/schedule.ts; REMINDERS=off turns it off) and
// the worker thread that draws report PDFs (lib/reports/pdf-thread.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { prepareDatabase } = await import("./db/startup");
    await prepareDatabase();
    const { startReminderSchedule } = await import("./lib/reminders/schedule");
    startReminderSchedule();
    // Not awaited: the server answers while the report PDF worker warms up.
    const { warmPdfWorker } = await import("./lib/reports/pdf-thread");
    void warmPdfWorker();
  }
}
