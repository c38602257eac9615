import { getDb } from "@/db";
import { systemActor } from "@/lib/auth/actor";
import { runCli } from "./cli";
import { parseReportArgs, REPORT_USAGE } from "./report-args";
import { draftReport } from "./report-draft";

// `npm run report -- draft --plan <slug> [--period <label>|current] [--json]`:
// the draft report of a period, as staff would compile it on the Reports page,
// for scripts (the benchmark) and for checking a report without a browser.
// It writes to the database in DATA_DIR (or DATABASE_PATH) like the server.
runCli(() => {
  const args = parseReportArgs(process.argv.slice(2));
  if (args.command === "help") {
    console.log(REPORT_USAGE);
    return;
  }
  // Applies pending migrations; unlike the server, it never seeds a plan.
  getDb();
  const r = draftReport(systemActor("cli"), args.plan, args.period);
  if (args.json) {
    console.log(JSON.stringify({ ...r, ms: Math.round(r.ms) }));
  } else {
    console.log(`${r.action === "created" ? "Compiled a draft" : "Refreshed the draft"} report for ${r.planSlug}, ${r.periodLabel}, in ${Math.round(r.ms)} ms: report ${r.reportId} (version ${r.version}).`);
    console.log(`  ${r.path}`);
  }
});
