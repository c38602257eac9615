import { describe, expect, it } from "vitest";
import { pdfPageTexts } from "@/lib/test/pdf-text";
import { NARRATIVE_SENTENCE, largeReport, smallReport } from "@/lib/test/report-fixtures";
import { buildReportDocument, type ReportDocument } from "./document";
import { renderPdf, renderReportPdf } from "./pdf";
import { formatCell } from "./cells";

// The PDF is read back with pdf.js: the tests check the words a reader sees,
// page by page, not the drawing commands.

const lines = (page: string) => page.split("\n").map((l) => l.trim());

/** The first page after the contents whose lines include `title` alone (a heading). */
function pageOfHeading(pages: string[], title: string, after: number): number {
  const index = pages.findIndex((p, i) => i > after && lines(p).includes(title));
  expect(index, `heading "${title}"`).toBeGreaterThan(after);
  return index + 1;
}

function checkContents(pages: string[], doc: ReportDocument) {
  const contents = pages.filter((p) => p.startsWith("Contents"));
  expect(contents.length).toBeGreaterThan(0);
  const tocLines = contents.flatMap(lines);
  const titles = doc.sections.flatMap((s) => [s.title, ...s.children.map((c) => c.title)]);
  for (const title of titles) {
    const page = pageOfHeading(pages, title, contents.length);
    expect(tocLines, `contents entry for "${title}"`).toContain(`${title} ${page}`);
  }
}

describe("renderReportPdf", () => {
  it("has a title page, contents with the right page numbers, the headings, the narrative and the status figures", async () => {
    const doc = buildReportDocument(smallReport());
    const { data, pages: pageCount } = await renderPdf(doc);
    expect(data.subarray(0, 5).toString()).toBe("%PDF-");
    const pages = await pdfPageTexts(data);
    expect(pages).toHaveLength(pageCount);
    const all = pages.join("\n");

    expect(lines(pages[0]!)).toEqual(expect.arrayContaining(["Quarterly report: 2026 Q4", "San Joaquin Valley Regional Industry Cluster Action Plan", "San Joaquin Valley, California", "Reporting period: 2026 Q4", "Published January 20, 2027", "Figures compiled January 5, 2027, 16:30 UTC"]));
    // No footer on the title page; "Page i of n" on every other page.
    expect(pages[0]).not.toMatch(/Page \d+ of/);
    pages.slice(1).forEach((p, i) => expect(p).toContain(`Quarterly report: 2026 Q4 Page ${i + 2} of ${pageCount}`));

    for (const title of ["Introduction", "Executive summary", "Highlights", "Priority actions", "Progress by cluster", "Energy", "Health & wellness", "Needs attention", "Asks of the Executive Committee", "Next steps", "Appendix: work groups and reporting"]) expect(lines(all)).toContain(title);
    checkContents(pages, doc);

    // The accepted narrative, as a heading, byline and Markdown; a submitted one is not printed.
    expect(all).toContain(NARRATIVE_SENTENCE);
    expect(all).toContain("EN-1 Train solar installers\nOn track, 60% complete. Update by Maria López.");
    expect(all).toContain("Next, a second cohort starts in spring; see the program page.");
    expect(all).not.toContain("must not print");
    // Unicode survives (the embedded font has the minus sign, curly quotes and accents).
    expect(all).toContain("Hiring stalled — “budget” review pending; café meeting −2 staff.");

    // The status tables, formatted by column kind.
    expect(lines(all)).toEqual(expect.arrayContaining(["On track 2 +1 33.3%", "At risk 1 −2 16.7%", "Deferred 0 0 0%"]));
    expect(lines(all)).toContain("Energy 0 1 (+1) 1 (−2) 0 1 (+1) 0 3");
    expect(lines(all)).toContain("All actions 1 (−1) 2 (+1) 1 (−2) 1 (+1) 1 (+1) 0 6");
    expect(lines(all)).toContain("HW-1 Expand rural clinics Health work group On track 45.5%");
    expect(lines(all)).toContain("EN-3 =SUM(A1:A2) pilot – Completed 100%");
    // Empty tables say so.
    expect(all).toContain("Health & wellness: champions\nNo champions named yet.");

    // The chart: title, axis labels, legend and summary as text; the lines are vector paths.
    expect(all).toContain("Energy jobs\nActual Target path Baseline");
    expect(all).toContain("2012 2013 2014 2015 2016");
    expect(all).toContain("Behind. Energy jobs: 1,150 jobs in 2015; target 1,400 by 2016.");

    // Staff Markdown: lists, quotes, code; raw HTML shows as its text only.
    expect(lines(all)).toEqual(expect.arrayContaining(["Welcome", "This quarter the partnership grew, with new members.", "• First point", "– Nested point", "A quote from the chair.", "Raw HTML & entities.", "1. Approve the budget."]));
    expect(all).not.toMatch(/<b>|<script>|alert\(1\)/);

    const raw = data.toString("latin1");
    expect(raw).toContain("/URI (https://example.org/solar)");
    expect(raw).toContain("/Outlines");
    // Info values are written as objects of their own: the author, and the publication date as the file's date.
    expect(raw).toContain("/Author ");
    expect(raw).toContain("(Cluster Action Tracker)");
    expect(raw).toContain("(D:20270120180000Z)");
  });

  it("marks a draft on its title page and every footer, and a second version with its change note", async () => {
    const draft = await pdfPageTexts(await renderReportPdf(buildReportDocument(smallReport({ publishedAt: null }))));
    expect(draft[0]).toContain("DRAFT — not published");
    expect(draft[0]).not.toContain("Published");
    expect(draft[3]).toContain("DRAFT — Quarterly report: 2026 Q4 Page 4 of");

    const v2 = await pdfPageTexts(await renderReportPdf(buildReportDocument(smallReport({ edition: 2, changeNote: "Corrected the energy figures." }))));
    expect(lines(v2[0]!)).toEqual(expect.arrayContaining(["Version 2", "What changed: Corrected the energy figures.", "Published January 20, 2027"]));
  });

  it("gives the same bytes for the same document", async () => {
    const doc = buildReportDocument(smallReport());
    const a = await renderReportPdf(doc);
    const b = await renderReportPdf(buildReportDocument(smallReport()));
    expect(a.equals(b)).toBe(true);
    // The file's dates are the report's, not the time of rendering.
    const other = await renderReportPdf(buildReportDocument(smallReport({ publishedAt: "2027-02-01T00:00:00.000Z" })));
    expect(other.equals(a)).toBe(false);
  });

  it("renders a 200-action report over many pages, repeating table headers, without holding the event loop", async () => {
    const doc = buildReportDocument(largeReport());
    let ticks = 0;
    let last = performance.now();
    let longestGap = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      ticks++;
    }, 5);
    const started = performance.now();
    const result = await renderPdf(doc);
    const ms = performance.now() - started;
    clearInterval(timer);
    console.log(`PDF, 200 actions, 50 charts: ${result.pages} pages, ${(result.data.length / 1024).toFixed(0)} KiB in ${ms.toFixed(0)} ms; longest slice ${result.longestSliceMs.toFixed(1)} ms, longest timer gap ${longestGap.toFixed(1)} ms, ${ticks} timer ticks`);

    expect(ms).toBeLessThan(5_000);
    // Other work ran while it rendered: a 5 ms timer kept firing (at least once per 40 ms on average).
    expect(ticks).toBeGreaterThan(ms / 40);
    expect(result.longestSliceMs).toBeLessThan(250);

    const pages = await pdfPageTexts(result.data);
    expect(pages.length).toBeGreaterThan(40);
    checkContents(pages, doc);
    // A table that runs onto another page repeats its caption and header row there.
    const continued = pages.filter((p) => p.includes("Cluster 1: actions (continued)"));
    expect(continued.length).toBeGreaterThan(0);
    for (const p of continued) expect(lines(p)).toContain("Code Action Work group Status %");
    expect(pages.join("\n").match(/Cluster \d: metrics \(continued\)|Cluster \d: actions \(continued\)/g)!.length).toBeGreaterThan(3);
  });
});

describe("formatCell", () => {
  it("formats by column kind", () => {
    expect(formatCell({ n: 5, delta: 1 }, "count")).toBe("5 (+1)");
    expect(formatCell({ n: 5, delta: -2 }, "count")).toBe("5 (−2)");
    expect(formatCell({ n: 5, delta: 0 }, "count")).toBe("5");
    expect(formatCell({ n: 1234, delta: null }, "count")).toBe("1,234");
    expect(formatCell(45, "percent")).toBe("45%");
    expect(formatCell(45.5, "percent")).toBe("45.5%");
    expect(formatCell(1234567, "number")).toBe("1,234,567");
    expect(formatCell(null, "number")).toBe("–");
    expect(formatCell("+3", "text")).toBe("+3");
  });
});
