import { AppError } from "@/lib/errors";

// Argument parsing for `npm run report`, apart from the script so it can be
// tested without a database.

export const REPORT_USAGE = `Usage:
  npm run report -- draft --plan <slug> [--period "<label>"|current] [--json]
      compile the period's draft report (the current period by default), or
      refresh its figures if it already has a draft; prints the report's id and page`;

export interface DraftArgs {
  command: "draft";
  plan: string;
  // A period label such as "2014 Q2", or "current".
  period: string;
  json: boolean;
}

export type ReportArgs = DraftArgs | { command: "help" };

const VALUED = new Set(["--plan", "--period"]);

export function parseReportArgs(argv: string[]): ReportArgs {
  if (argv.includes("--help") || argv.includes("-h")) return { command: "help" };
  const [command, ...rest] = argv;
  if (command !== "draft") throw new AppError("INVALID_INPUT", command ? `Unknown command "${command}".\n${REPORT_USAGE}` : REPORT_USAGE);
  const values = new Map<string, string>();
  let json = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === "--json") {
      json = true;
    } else if (VALUED.has(arg)) {
      const value = rest[++i];
      // "--plan --json" is a forgotten value, not a plan called "--json".
      if (value === undefined || value.startsWith("--") || !value.trim()) throw new AppError("INVALID_INPUT", `${arg} needs a value.\n${REPORT_USAGE}`);
      if (values.has(arg)) throw new AppError("INVALID_INPUT", `${arg} is given twice.\n${REPORT_USAGE}`);
      values.set(arg, value.trim());
    } else {
      throw new AppError("INVALID_INPUT", `Unexpected argument "${arg}".\n${REPORT_USAGE}`);
    }
  }
  const plan = values.get("--plan");
  if (!plan) throw new AppError("INVALID_INPUT", `Name the plan with --plan <slug>.\n${REPORT_USAGE}`);
  return { command: "draft", plan, period: values.get("--period") ?? "current", json };
}
