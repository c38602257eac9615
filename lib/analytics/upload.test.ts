import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { employmentImports } from "@/db/schema";
import { makeActor } from "@/lib/test/actors";
import { importJobs, importJobsSettled } from "./import-jobs";
import { acceptEmploymentUploads, MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES } from "./upload";

// The browser upload's checks, made before anything is read into the
// database, and an accepted file followed to its end (outside Next the job
// runs in this thread).

const csv = (name: string, text: string) => new File([text], name, { type: "text/csv" });
const GENERIC = "area,naics,year,employment,establishments,total_wages\n06019,1111,2016,12,3,100\n";

async function refused(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string; fieldErrors?: Record<string, string[]> };
  }
  throw new Error("expected a refusal");
}

describe("acceptEmploymentUploads", () => {
  // Uploads are stored under DATA_DIR: a temporary one, never the project's.
  const previous = process.env.DATA_DIR;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "upload-test-"));
  beforeAll(() => {
    process.env.DATA_DIR = dataDir;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = previous;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("refuses, before storing anything, a missing file, a non-CSV name, an empty, an oversized, a binary or a non-UTF-8 file, and too many files", async () => {
    const admin = makeActor("admin", "Ada Min");
    const cases: [File[], RegExp][] = [
      [[], /Choose one or more CSV files/],
      [[csv("notes.txt", "hello")], /notes\.txt is not a \.csv file/],
      [[csv("empty.csv", "")], /empty\.csv is empty/],
      [[new File([new Uint8Array(MAX_UPLOAD_BYTES + 1)], "big.csv")], /big\.csv is 50 MB; files over 50 MB are imported with npm run qcew:import/],
      [[new File([new Uint8Array([97, 0, 98, 10])], "nul.csv")], /nul\.csv is not a text file/],
      [[new File([new Uint8Array([0x61, 0xff, 0xfe, 0x0a, 0x62])], "latin.csv")], /latin\.csv is not UTF-8 text/],
      [Array.from({ length: MAX_UPLOAD_FILES + 1 }, (_, i) => csv(`f${i}.csv`, GENERIC)), /at most 20 files/],
    ];
    for (const [files, message] of cases) {
      const error = await refused(acceptEmploymentUploads(admin, files));
      expect(error.code).toBe("INVALID_INPUT");
      expect(error.message).toMatch(message);
      expect(error.fieldErrors?.files?.[0]).toMatch(message);
    }
    expect(getDb().select().from(employmentImports).all()).toEqual([]);
  });

  it("refuses anyone but staff", async () => {
    const lead = makeActor("lead", "Lee Lead");
    expect((await refused(acceptEmploymentUploads(lead, [csv("a.csv", GENERIC)]))).code).toBe("FORBIDDEN");
  });

  it("stores an accepted file, imports it, lets only its uploader follow the job, and deletes the stored copy", async () => {
    const admin = makeActor("admin", "Ada Min");
    const other = makeActor("admin", "Otto Ther");
    const [job] = await acceptEmploymentUploads(admin, [csv("fresno.csv", GENERIC)]);
    expect(job).toMatchObject({ fileName: "fresno.csv", state: "queued" });
    await importJobsSettled();
    const [done] = importJobs(admin, [job!.id]);
    expect(done).toMatchObject({ state: "done", fraction: 1 });
    expect(done!.lines).toContain("1 new cells, 0 changed, 0 unchanged.");
    expect(importJobs(other, [job!.id])).toEqual([]);
    expect(getDb().select().from(employmentImports).all()).toHaveLength(1);
    expect(fs.readdirSync(path.join(dataDir, "uploads", "employment"))).toEqual([]);
  });
});
