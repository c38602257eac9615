import { systemActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { describeRun, runReminders } from "@/lib/reminders/service";
import { runCli } from "./cli";

const USAGE = `Usage:
  npm run reminders                       send the reminders due today
  npm run reminders -- --today 2027-01-10 as if it were that day (UTC)`;

// The same job the server runs hourly; safe to run from cron as well, since a
// reminder already in the outbox is never sent again.
runCli(async () => {
  const args = process.argv.slice(2);
  if (args.includes("--help")) {
    console.log(USAGE);
    return;
  }
  const i = args.indexOf("--today");
  if (args.length > 0 && (i < 0 || args.length !== 2)) throw new AppError("INVALID_INPUT", USAGE);
  const run = await runReminders(systemActor("cli"), { today: i >= 0 ? args[i + 1] : undefined });
  console.log(describeRun(run));
  for (const q of run.queued) console.log(`  ${q.email}  ${q.periodLabel}: ${q.actionCodes.join(", ")}`);
});
