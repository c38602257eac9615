import { describe, expect, it } from "vitest";
import type { LoadResult } from "./load";
import { countPdfPages, FREEZE_P99_MAX_MS, judgeFreeze, judgeTimings, totalMs, type FreezeRun, type ReportTimings } from "./reports";

const ok = (ms: number) => ({ ms, status: 200, bytes: 1000 });
const timings = (over: Partial<ReportTimings> = {}): ReportTimings => ({ compileMs: [30, 20], web: [ok(50), ok(40)], pdf: [ok(200), ok(180)], xlsx: [ok(35), ok(30)], pdfPages: 19, otherCpu: 0.02, ...over });

const load = (p99: number, over: Partial<LoadResult> = {}): LoadResult => ({
  label: "plan dashboard", path: "/plans/x", requestsPerSec: 50, p50: p99 / 2, p99, requests: 250, non2xx: 0, errors: 0, timeouts: 0, statusCodes: { 200: 250 }, bytesPerRequest: 1, otherCpu: 0.01, ...over,
});
const freeze = (p99: number, over: Partial<FreezeRun["pdf"]> = {}, under: Partial<LoadResult> = {}): FreezeRun => ({
  alone: load(150), underLoad: load(p99, under), pdf: { rendered: 12, meanMs: 400, maxMs: 600, failed: [], ...over },
});

describe("countPdfPages", () => {
  it("counts page objects, not the page tree", () => {
    const pdf = Buffer.from("%PDF-1.3\n1 0 obj\n<< /Type /Pages /Count 2 >>\n2 0 obj\n<< /Type /Page /Parent 1 0 R >>\n3 0 obj\n<</Type/Page/Parent 1 0 R>>\n");
    expect(countPdfPages(pdf)).toBe(2);
  });
  it("says null for something that is not a PDF (an error page)", () => {
    expect(countPdfPages(Buffer.from("<html>/Type /Page</html>"))).toBeNull();
  });
});

describe("report timings", () => {
  it("adds up the slowest run of each step", () => {
    expect(totalMs(timings())).toBe(30 + 50 + 200 + 35);
  });
  it("passes under the limit and fails at it", () => {
    expect(judgeTimings(timings(), 2_000)).toEqual({ totalMs: 315, verdict: "PASS", why: [] });
    expect(judgeTimings(timings(), 315)).toMatchObject({ verdict: "FAIL", why: ["total 315 ms >= 315 ms"] });
  });
  it("fails on a failed download whatever the time", () => {
    const r = judgeTimings(timings({ pdf: [{ ms: 5, status: 500, bytes: 10, error: "HTTP 500" }, ok(100)], otherCpu: 0.5 }), 2_000);
    expect(r).toMatchObject({ verdict: "FAIL", why: ["pdf: HTTP 500"] });
  });
  it("is unreliable when other processes took the CPUs, and says what it would be", () => {
    expect(judgeTimings(timings({ otherCpu: 0.3 }), 300)).toMatchObject({ verdict: "UNRELIABLE", why: ["other processes took 30% of the CPUs; would FAIL", "total 315 ms >= 300 ms"] });
    expect(judgeTimings(timings({ otherCpu: 0.3 }), 2_000).why).toEqual(["other processes took 30% of the CPUs; would PASS"]);
  });
});

describe("judgeFreeze", () => {
  it("judges the page's p99 under PDF load, not alone", () => {
    expect(judgeFreeze(freeze(FREEZE_P99_MAX_MS - 1)).verdict).toBe("PASS");
    expect(judgeFreeze(freeze(307))).toEqual({ verdict: "FAIL", why: [`p99 307 ms >= ${FREEZE_P99_MAX_MS} ms while PDFs render`] });
  });
  it("fails a run in which no PDF rendered, or one failed", () => {
    expect(judgeFreeze(freeze(100, { rendered: 0 })).why).toEqual(["no PDF rendered during the run"]);
    expect(judgeFreeze(freeze(100, { failed: ["HTTP 500", "HTTP 500"] })).why).toEqual(["PDF: HTTP 500 (and 1 more)"]);
  });
  it("is unreliable when the load run was disturbed", () => {
    expect(judgeFreeze(freeze(300, {}, { otherCpu: 0.2 })).verdict).toBe("UNRELIABLE");
  });
});
