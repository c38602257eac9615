import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { addDefaultAnalytics } from "@/db/seed/sjv-analytics";
import { employmentImports } from "@/db/schema";
import { importEmploymentFile } from "@/lib/analytics/import";
import { systemActor } from "@/lib/auth/actor";
import { qcew2016SjvFiles } from "@/lib/test/qcew-files";

// The eight real 2016 county files, imported into the server's database for
// the analytics spec. Through importEmploymentFile (not the run that feeds the
// metrics), so the SJV plan's metrics stay empty for the other specs. Idempotent.
export async function ensureQcew2016Imported() {
  addDefaultAnalytics();
  const db = getDb();
  for (const file of qcew2016SjvFiles()) {
    const fileName = file.split("/").at(-1)!;
    if (db.select({ id: employmentImports.id }).from(employmentImports).where(eq(employmentImports.fileName, fileName)).get()) continue;
    await importEmploymentFile(systemActor("e2e"), { path: file, fileName });
  }
}
