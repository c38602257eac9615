import { describe, expect, it } from "vitest";
import { bestAndMedian, importChecks, judge, peakRssFromStatus, rowsPerSec, type ImportRun } from "./analytics-import";

const stages = { readMs: 1, stageMs: 1, mergeMs: 1, totalMs: 3 };
const run = (ms: number, over: Partial<ImportRun> = {}): ImportRun => ({ files: 1, rows: 3_500_000, ms, stages, peakRssBytes: 300 * 2 ** 20, otherCpu: 0.02, ...over });

describe("import bench: pure parts", () => {
  it("reads the peak resident memory from /proc/self/status", () => {
    expect(peakRssFromStatus("Name:\tnode\nVmPeak:\t  999 kB\nVmHWM:\t  302984 kB\nVmRSS:\t 1 kB\n")).toBe(302984 * 1024);
    expect(peakRssFromStatus("Name:\tnode\n")).toBeNull();
  });

  it("takes the fastest run as best and the middle one as median", () => {
    const { best, median } = bestAndMedian([run(3000), run(1000), run(2000)]);
    expect([best.ms, median.ms]).toEqual([1000, 2000]);
    expect(rowsPerSec(run(17_500))).toBe(200_000);
  });

  it("marks a timed check UNRELIABLE when other processes took the CPUs, but never the memory one", () => {
    expect(judge(null, 0.05, true)).toEqual({ verdict: "PASS", why: [] });
    expect(judge("too slow", 0.05, true)).toEqual({ verdict: "FAIL", why: ["too slow"] });
    expect(judge(null, 0.4, true).verdict).toBe("UNRELIABLE");
    expect(judge("too slow", 0.4, true).why[0]).toBe("other processes took 40% of the CPUs; would FAIL");
    expect(judge("too big", 0.4, false)).toEqual({ verdict: "FAIL", why: ["too big"] });
  });

  it("judges the 8-file time, the national rows/s and peak memory against the issue's targets", () => {
    const checks = importChecks([run(2500, { rows: 53_516, files: 8 }), run(3500, { rows: 53_516, files: 8 })], [run(17_000, { peakRssBytes: 520 * 2 ** 20 })]);
    expect(checks.map((c) => c.verdict)).toEqual(["PASS", "PASS", "FAIL"]);
    expect(checks[0]!.runs).toBe("best 2.50 s, median 2.50 s of 2");
    expect(checks[1]!.value).toBe("205,882 rows/s");
    expect(checks[2]!.why).toEqual(["520 MB >= 500 MB"]);
    expect(importChecks([], [run(20_000)]).map((c) => c.verdict)).toEqual(["FAIL", "PASS"]);
  });
});
