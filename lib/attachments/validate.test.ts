import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { sampleDocx, sampleExe, sampleHtml, sampleJpeg, samplePdf, samplePlainZip, samplePng, sampleXlsx } from "@/lib/test/sample-files";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_UPDATE } from "./limits";
import { sanitiseFileName, validateUpload, validateUploads } from "./validate";

const file = (bytes: Uint8Array | string, name: string) => new File([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], name);

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  expect(error.code).toBe("INVALID_INPUT");
  // Shown next to the file input.
  expect(error.fieldErrors?.attachments?.[0]).toBeTruthy();
  return error;
}

describe("validateUpload", () => {
  it("accepts each allowed type with its real bytes, and stores the type it vouches for", async () => {
    const cases: [Uint8Array, string, string][] = [
      [samplePdf(), "report.pdf", "application/pdf"],
      [sampleDocx(), "Minutes.DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
      [await sampleXlsx(), "figures.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      [samplePng(), "chart.png", "image/png"],
      [sampleJpeg(), "photo.jpg", "image/jpeg"],
      [sampleJpeg(), "photo.jpeg", "image/jpeg"],
    ];
    for (const [bytes, name, contentType] of cases) {
      const ok = await validateUpload(file(bytes, name));
      expect(ok).toMatchObject({ fileName: name, contentType, sizeBytes: bytes.byteLength });
      expect(ok.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(Buffer.from(ok.bytes).equals(Buffer.from(bytes))).toBe(true);
    }
  });

  it("ignores the type the browser claims", async () => {
    const claimed = new File([new Uint8Array(samplePng())], "chart.png", { type: "text/html" });
    expect((await validateUpload(claimed)).contentType).toBe("image/png");
  });

  it("refuses extensions outside the allowlist, even with good bytes", async () => {
    for (const name of ["report.txt", "tool.exe", "page.html", "noextension", "evil.__proto__", "x.constructor", "report.pdf.exe"]) {
      const error = await refusal(validateUpload(file(samplePdf(), name)));
      expect(error.message).toMatch(/not an allowed type/);
    }
  });

  it("refuses content that does not match the extension", async () => {
    const cases: [Uint8Array, string, RegExp][] = [
      [sampleHtml(), "report.pdf", /“report\.pdf” is not a real PDF/],
      [sampleExe(), "report.pdf", /not a real PDF/],
      [samplePng(), "scan.pdf", /not a real PDF/],
      [samplePdf(), "chart.png", /not a real PNG image/],
      [samplePng(), "photo.jpg", /not a real JPEG image/],
      [sampleDocx(), "figures.xlsx", /not a real Excel workbook/],
      [await sampleXlsx(), "minutes.docx", /not a real Word document/],
      [samplePlainZip(), "minutes.docx", /not a real Word document/],
      [Buffer.from("just some text, no magic at all"), "notes.pdf", /not a real PDF/],
    ];
    for (const [bytes, name, message] of cases) expect((await refusal(validateUpload(file(bytes, name)))).message).toMatch(message);
  });

  it("refuses an empty file and one byte over 10 MB, and takes exactly 10 MB", async () => {
    expect((await refusal(validateUpload(file(new Uint8Array(0), "empty.pdf")))).message).toMatch(/“empty\.pdf” is empty/);
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(samplePdf());
    expect((await refusal(validateUpload(file(big, "big.pdf")))).message).toBe("“big.pdf” is too large (10.0 MB): files may be at most 10 MB.");
    const exact = big.subarray(0, MAX_ATTACHMENT_BYTES);
    expect((await validateUpload(file(exact, "exact.pdf"))).sizeBytes).toBe(MAX_ATTACHMENT_BYTES);
  });
});

describe("validateUploads", () => {
  it("treats an empty file input as no files and refuses non-file entries", async () => {
    await expect(validateUploads([new File([], "")])).resolves.toEqual([]);
    await refusal(validateUploads(["report.pdf"]));
  });

  it("refuses too many files, counting those already attached", async () => {
    const pdfs = (n: number) => Array.from({ length: n }, (_, i) => file(samplePdf(), `r${i}.pdf`));
    await expect(validateUploads(pdfs(MAX_ATTACHMENTS_PER_UPDATE))).resolves.toHaveLength(MAX_ATTACHMENTS_PER_UPDATE);
    expect((await refusal(validateUploads(pdfs(MAX_ATTACHMENTS_PER_UPDATE + 1)))).message).toMatch(/at most 5 files/);
    expect((await refusal(validateUploads(pdfs(2), { alreadyAttached: 4 }))).message).toMatch(/has 4, so you can add 1 more/);
  });

  it("reports every refused file at once", async () => {
    const error = await refusal(validateUploads([file(samplePdf(), "good.pdf"), file(sampleHtml(), "fake.pdf"), file(samplePdf(), "virus.exe")]));
    expect(error.message).toMatch(/2 files were refused/);
    expect(error.message).toMatch(/fake\.pdf/);
    expect(error.message).toMatch(/virus\.exe/);
  });
});

describe("sanitiseFileName", () => {
  it("keeps only a display name: no folders, control or direction characters, bounded length", () => {
    expect(sanitiseFileName("../../etc/passwd.pdf")).toBe("passwd.pdf");
    expect(sanitiseFileName("C:\\Users\\me\\Q4 report.pdf")).toBe("Q4 report.pdf");
    expect(sanitiseFileName("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    expect(sanitiseFileName("a\nb\tc.pdf")).toBe("abc.pdf");
    expect(sanitiseFileName("...hidden.pdf")).toBe("hidden.pdf");
    const long = sanitiseFileName(`${"x".repeat(300)}.xlsx`);
    expect(long).toHaveLength(200);
    expect(long.endsWith(".xlsx")).toBe(true);
  });
});
