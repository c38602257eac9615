import fs from "node:fs";
import { prepareDatabase } from "@/db/startup";
import { systemActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { importPlan } from "@/lib/plans/import";
import { runCli } from "./cli";

const USAGE = "Usage: npm run plan:import -- <file.json> [--slug new-slug]";
const MAX_BYTES = 50 * 1024 * 1024;

runCli(async () => {
  const args = process.argv.slice(2);
  const slugIndex = args.indexOf("--slug");
  const slug = slugIndex >= 0 ? args[slugIndex + 1] : undefined;
  const file = args.find((a, i) => !a.startsWith("--") && i !== slugIndex + 1);
  if (!file || (slugIndex >= 0 && !slug)) throw new AppError("INVALID_INPUT", USAGE);
  if (!fs.existsSync(file)) throw new AppError("NOT_FOUND", `No such file: ${file}`);
  if (fs.statSync(file).size > MAX_BYTES) throw new AppError("INVALID_INPUT", `${file} is larger than ${MAX_BYTES / 1024 / 1024} MB.`);

  let document: unknown;
  try {
    document = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new AppError("INVALID_INPUT", `${file} is not valid JSON: ${(error as Error).message}`);
  }
  await prepareDatabase(() => {});
  const result = importPlan(systemActor("cli"), { document, slug });
  const c = result.counts;
  console.log(
    `Imported "${result.slug}" (plan ${result.planId}): ${c.sections} sections, ${c.opportunities} opportunities, ${c.actions} actions, ${c.workGroups} work groups, ${c.targets} targets, ${c.metrics} metrics with ${c.measurements} values, ${c.clusters} cluster definitions, ${c.organizationsCreated} new organizations.`,
  );
  for (const w of result.warnings) console.log(`Warning: ${w}`);
});
