import fs from "node:fs";
import path from "node:path";
import * as fontkit from "fontkit";
import type PDFDocument from "pdfkit";

// Page geometry, type styles and the small layout state shared by the PDF
// renderer's parts (pdf.ts, pdf-table.ts, pdf-chart.ts, pdf-markdown.ts).
// Everything is laid out top to bottom on the last page; a part asks for the
// room it needs (ensure) and gets a fresh page when it does not fit, so a
// table row, a chart or a heading is never split across a page break.

export type Pdf = PDFKit.PDFDocument;
export type PdfCtor = typeof PDFDocument;

// US Letter: the board prints in the US.
export const PAGE = { width: 612, height: 792 } as const;
export const MARGIN = { top: 58, bottom: 62, left: 58, right: 58 } as const;
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** Where body text must end; the footer sits below it. */
export const BODY_BOTTOM = PAGE.height - MARGIN.bottom;

export const COLORS = {
  text: "#1f2937",
  muted: "#475569",
  rule: "#94a3b8",
  faint: "#e2e8f0",
  stripe: "#f8fafc",
  link: "#1d4ed8",
  draft: "#b91c1c",
} as const;

// Noto Sans (SIL Open Font Licence 1.1), embedded and subset by pdfkit. The
// standard PDF fonts (Helvetica and friends) only cover WinAnsi: they cannot
// show "−" (U+2212, which the document uses for negative changes), most
// accents outside Latin-1, Greek, Cyrillic and more that narratives may hold.
export const FONT = { regular: "NotoSans", bold: "NotoSans-Bold", italic: "NotoSans-Italic", boldItalic: "NotoSans-BoldItalic" } as const;
export type FontName = (typeof FONT)[keyof typeof FONT];

const FONT_FILES: Record<FontName, string> = {
  NotoSans: "400Regular/NotoSans_400Regular.ttf",
  "NotoSans-Bold": "700Bold/NotoSans_700Bold.ttf",
  "NotoSans-Italic": "400Regular_Italic/NotoSans_400Regular_Italic.ttf",
  "NotoSans-BoldItalic": "700Bold_Italic/NotoSans_700Bold_Italic.ttf",
};

// The font files are read from node_modules at run time (next start and the
// tests run from the project folder, where node_modules is) and parsed once
// per process. pdfkit would otherwise parse each font again for every
// document, and decoding Noto Sans's layout tables (kerning, ligatures) costs
// about 150 ms a style: most of a small report's render time. A parsed font
// is only read from afterwards (each document makes its own subset of it).
const FONT_DIR = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans");
const fonts: Partial<Record<FontName, fontkit.Font>> = {};

/**
 * Parse the fonts on first use, one per event-loop slice: a font's first
 * layout decodes its tables (about 50 ms each on this machine), which would
 * be one long stall if all four came at once.
 */
async function loadFonts(yielder: Yielder): Promise<Record<FontName, fontkit.Font>> {
  for (const [name, file] of Object.entries(FONT_FILES) as [FontName, string][]) {
    if (fonts[name]) continue;
    const font = fontkit.create(fs.readFileSync(path.join(FONT_DIR, file)));
    if (!("layout" in font)) throw new Error(`${file} is a font collection`);
    font.layout("Warm up: 0123456789 −“”");
    fonts[name] = font;
    await yielder.pause();
  }
  return fonts as Record<FontName, fontkit.Font>;
}

export async function registerFonts(ctx: Ctx) {
  // pdfkit takes a parsed fontkit font as well as a file (its types only list files).
  for (const [name, font] of Object.entries(await loadFonts(ctx.yielder))) ctx.pdf.registerFont(name, font as unknown as Buffer);
}

export function style(pdf: Pdf, font: FontName, size: number, color: string = COLORS.text) {
  return pdf.font(font).fontSize(size).fillColor(color);
}

/** The page index (0-based) being written. Pages stay buffered until the end, so the range starts at 0. */
export const currentPage = (pdf: Pdf) => pdf.bufferedPageRange().count - 1;

export function newPage(pdf: Pdf) {
  pdf.addPage();
  pdf.x = MARGIN.left;
  pdf.y = MARGIN.top;
}

/** Start a new page unless `height` points still fit above the footer. */
export function ensureSpace(pdf: Pdf, height: number): boolean {
  if (pdf.y + height <= BODY_BOTTOM || pdf.y <= MARGIN.top + 0.5) return false;
  newPage(pdf);
  return true;
}

// Rendering a 200-action report takes half a second of CPU or more: in one go it
// would stall every other request on this single-threaded server. The
// renderer calls tick() between blocks, rows and paragraphs; once a slice has
// run for SLICE_MS it waits for the event loop (setImmediate runs after
// pending I/O), so other requests are served in between. A page request
// needs several turns of the event loop, each of which may wait for one
// slice: against `next start`, a /status page took 146 ms (p50) while a big
// report rendered with 12 ms slices and 70 ms with 4 ms slices, at no cost to
// the render's own time.
const SLICE_MS = 4;

export class Yielder {
  private since = performance.now();

  /** sliceMs: Infinity never yields on tick() (in a worker thread nothing else waits). */
  constructor(private readonly sliceMs: number = SLICE_MS) {}

  /** The longest slice between two yields, for tests and benchmarks. */
  longest = 0;
  yields = 0;

  async tick() {
    const elapsed = performance.now() - this.since;
    if (elapsed < this.sliceMs) return;
    this.longest = Math.max(this.longest, elapsed);
    this.yields++;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.since = performance.now();
  }

  /** Yield now, whatever the time spent. */
  async pause() {
    this.longest = Math.max(this.longest, performance.now() - this.since);
    this.yields++;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.since = performance.now();
  }

  /** Record the slice that ends now (the last one before returning). */
  finish() {
    this.longest = Math.max(this.longest, performance.now() - this.since);
  }
}

/** The renderer's state: the document and the yielder, passed to every part. */
export interface Ctx {
  pdf: Pdf;
  yielder: Yielder;
}

/** Dates as the report states them: in UTC, so the server's time zone does not change the file. */
const longDate = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
const timeOfDay = new Intl.DateTimeFormat("en-US", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });
export const formatDate = (iso: string) => longDate.format(new Date(iso));
export const formatDateTime = (iso: string) => `${longDate.format(new Date(iso))}, ${timeOfDay.format(new Date(iso))} UTC`;
