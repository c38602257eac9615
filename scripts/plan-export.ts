import fs from "node:fs";
import { prepareDatabase } from "@/db/startup";
import { systemActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { exportPlan } from "@/lib/plans/export";
import { runCli } from "./cli";

const USAGE = "Usage: npm run plan:export -- <plan-slug> [--out file.json]";

runCli(async () => {
  const args = process.argv.slice(2);
  const slug = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--out");
  const outIndex = args.indexOf("--out");
  const out = outIndex >= 0 ? args[outIndex + 1] : undefined;
  if (!slug || (outIndex >= 0 && !out)) throw new AppError("INVALID_INPUT", USAGE);
  await prepareDatabase(() => {});
  const json = `${JSON.stringify(exportPlan(systemActor("cli"), slug), null, 2)}\n`;
  if (out) {
    fs.writeFileSync(out, json);
    console.error(`Wrote ${out}`);
  } else {
    process.stdout.write(json);
  }
});
