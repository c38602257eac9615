import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { smallReport } from "@/lib/test/report-fixtures";
import { buildReportDocument, documentTables, type ReportDocument } from "./document";
import { renderReportXlsx } from "./xlsx";

async function read(data: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook;
}

const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);

function rowWith(sheet: ExcelJS.Worksheet, first: string): unknown[] {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(1).value === first) return rowValues(sheet, r);
  throw new Error(`no row "${first}" in ${sheet.name}`);
}

describe("renderReportXlsx", () => {
  it("holds an About sheet, then one sheet per table with typed values", async () => {
    const doc = buildReportDocument(smallReport());
    const workbook = await read(await renderReportXlsx(doc));

    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "About",
      "status-overall",
      "status-by-cluster",
      "metric-status",
      "priorities",
      "actions-energy",
      "metrics-energy",
      "champions-energy",
      "actions-health",
      "metrics-health",
      "champions-health",
      "attention-at-risk",
      "attention-silent",
      "attention-stale-metrics",
      "next-steps",
      "work-groups",
    ]);
    expect(workbook.creator).toBe("Cluster Action Tracker");
    expect(workbook.created?.toISOString()).toBe("2027-01-20T18:00:00.000Z");

    const about = workbook.getWorksheet("About")!;
    expect(about.getCell("A1").value).toBe("Quarterly report: 2026 Q4");
    expect(rowWith(about, "Plan")).toEqual(["Plan", "San Joaquin Valley Regional Industry Cluster Action Plan"]);
    expect(rowWith(about, "Region")).toEqual(["Region", "San Joaquin Valley, California"]);
    expect(rowWith(about, "Reporting period")).toEqual(["Reporting period", "2026 Q4"]);
    expect(rowWith(about, "Edition")).toEqual(["Edition", 1]);
    expect((rowWith(about, "Published (UTC)")[1] as Date).toISOString()).toBe("2027-01-20T18:00:00.000Z");
    expect((rowWith(about, "Figures compiled (UTC)")[1] as Date).toISOString()).toBe("2027-01-05T16:30:00.000Z");
    // Every other sheet is listed with its table's caption.
    expect(rowWith(about, "status-by-cluster")).toEqual(["status-by-cluster", "Actions by status and cluster (change since the previous period in brackets)"]);
    expect(rowWith(about, "work-groups")).toEqual(["work-groups", "Work groups and reporting completeness"]);

    const overall = workbook.getWorksheet("status-overall")!;
    expect(overall.getCell("A1").value).toBe("Actions by status");
    expect(rowValues(overall, 2)).toEqual(["Status", "Actions", "Change since 2026 Q3", "Share (%)"]);
    expect(rowWith(overall, "On track")).toEqual(["On track", 2, "+1", 33.3]);
    expect(rowWith(overall, "At risk")).toEqual(["At risk", 1, "−2", 16.7]);
    expect(overall.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(overall.getRow(2).font?.bold).toBe(true);

    // A count and its change are two numeric columns.
    const byCluster = workbook.getWorksheet("status-by-cluster")!;
    expect(rowValues(byCluster, 2)).toEqual(["Group", "Not started", "Not started, change", "On track", "On track, change", "At risk", "At risk, change", "Off track", "Off track, change", "Completed", "Completed, change", "Deferred", "Deferred, change", "Total"]);
    expect(rowWith(byCluster, "Energy")).toEqual(["Energy", 0, 0, 1, 1, 1, -2, 0, 0, 1, 1, 0, 0, 3]);
    expect(rowWith(byCluster, "All actions")).toEqual(["All actions", 1, -1, 2, 1, 1, -2, 1, 1, 1, 1, 0, 0, 6]);

    // An action row without a narrative; no work group is an empty cell; percents are 0–100.
    const energy = workbook.getWorksheet("actions-energy")!;
    expect(rowValues(energy, 2)).toEqual(["Code", "Action", "Work group", "Status", "% complete"]);
    const en3 = energy.getRow(5);
    expect([en3.getCell(1).value, en3.getCell(2).value, en3.getCell(3).value, en3.getCell(4).value, en3.getCell(5).value]).toEqual(["EN-3", "=SUM(A1:A2) pilot", null, "Completed", 100]);
    // Text that starts with "=" is a string cell, not a formula.
    expect(en3.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(en3.getCell(2).formula).toBeUndefined();
    expect(rowWith(workbook.getWorksheet("actions-health")!, "HW-1")).toEqual(["HW-1", "Expand rural clinics", "Health work group", "On track", 45.5]);
    expect(rowWith(workbook.getWorksheet("work-groups")!, "Health work group")).toEqual(["Health work group", 3, 1, 33.3]);

    // An empty table says so under its header.
    const champions = workbook.getWorksheet("champions-health")!;
    expect(champions.getCell("A3").value).toBe("No champions named yet.");
  });

  it("marks a draft, strips characters XML cannot hold and keeps sheet names short and unique", async () => {
    const doc: ReportDocument = buildReportDocument(smallReport({ publishedAt: null, edition: 2, changeNote: "Fixed\u0007 a figure." }));
    const table = documentTables(doc)[0]!;
    const long = "a-table-id-that-is-much-longer-than-thirty-one-characters";
    doc.sections[0]!.blocks.push({ ...table, id: long, caption: "First copy" }, { ...table, id: long, caption: "Second copy" }, { ...table, id: "about", caption: "Third copy" });
    table.rows[0]![0] = "Bad\u0001text";

    const workbook = await read(await renderReportXlsx(doc));
    const about = workbook.getWorksheet("About")!;
    expect(rowWith(about, "Published (UTC)")).toEqual(["Published (UTC)", "Draft (not published)"]);
    expect(rowWith(about, "Edition")).toEqual(["Edition", 2]);
    expect(rowWith(about, "Change note")).toEqual(["Change note", "Fixed a figure."]);
    expect(workbook.getWorksheet("status-overall")!.getCell("A3").value).toBe("Badtext");

    const names = workbook.worksheets.map((s) => s.name);
    expect(names.every((n) => n.length <= 31)).toBe(true);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(["a-table-id-that-is-much-longer-", "a-table-id-that-is-much-longe~2", "about~2"]));
  });

  it("gives the same bytes for the same document", async () => {
    const a = await renderReportXlsx(buildReportDocument(smallReport()));
    await new Promise((resolve) => setTimeout(resolve, 2_100)); // zip entry times have a 2-second resolution
    const b = await renderReportXlsx(buildReportDocument(smallReport()));
    expect(a.equals(b)).toBe(true);
  });
});
