import { crc32, deflateSync } from "node:zlib";
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";

// Small but genuine files of each attachment type, built in code so the tests
// show exactly which bytes make a file what it claims to be.

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

// A 1×1 white pixel.
export function samplePng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const pixels = deflateSync(Buffer.from([0, 255, 255, 255]));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk("IHDR", header), pngChunk("IDAT", pixels), pngChunk("IEND", Buffer.alloc(0))]);
}

// Start of image, a JFIF APP0 segment, end of image: what every JPEG begins with.
export function sampleJpeg(): Buffer {
  return Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);
}

export function samplePdf(text = "Quarterly evidence"): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    "latin1",
  );
}

// The two parts that make a zip a Word document: the content types naming the
// main document, and the document itself.
export function sampleDocx(): Buffer {
  const contentTypes =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
  const document = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Evidence</w:t></w:r></w:p></w:body></w:document>';
  return Buffer.from(zipSync({ "[Content_Types].xml": strToU8(contentTypes), "word/document.xml": strToU8(document) }));
}

export async function sampleXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Evidence").addRow(["Jobs created", 12]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// A zip that is neither: what a renamed archive looks like.
export function samplePlainZip(): Buffer {
  return Buffer.from(zipSync({ "notes.txt": strToU8("just a zip") }));
}

export function sampleHtml(): Buffer {
  return Buffer.from("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>");
}

// The "MZ" header of a Windows executable.
export function sampleExe(): Buffer {
  const bytes = Buffer.alloc(256);
  bytes.write("MZ", 0, "ascii");
  return bytes;
}
