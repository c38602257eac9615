import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";

// The real BLS QCEW 2016 quarterly files of the eight SJV counties (public
// domain; see lib/analytics/fixtures/README.md), kept gzipped in the repo
// (17 MB as CSV, 2.6 MB gzipped) and unpacked once per test process.

export const QCEW_2016_SJV_COUNTIES = ["06019", "06029", "06031", "06039", "06047", "06077", "06099", "06107"] as const;
const FIXTURES = path.join(process.cwd(), "lib", "analytics", "fixtures", "qcew-2016-sjv");

let unpacked: string | null = null;

/** Paths to the eight CSV files, named as BLS names them (2016.q1-q4.06019.csv). */
export function qcew2016SjvFiles(): string[] {
  if (!unpacked) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qcew-2016-"));
    for (const county of QCEW_2016_SJV_COUNTIES) {
      const name = `2016.q1-q4.${county}.csv`;
      fs.writeFileSync(path.join(dir, name), zlib.gunzipSync(fs.readFileSync(path.join(FIXTURES, `${name}.gz`))));
    }
    unpacked = dir;
  }
  return QCEW_2016_SJV_COUNTIES.map((county) => path.join(unpacked!, `2016.q1-q4.${county}.csv`));
}
