import PDFDocument from "pdfkit";
import type { ReportBlock, ReportDocSection, ReportDocument } from "./document";
import { drawChart } from "./pdf-chart";
import { BODY_BOTTOM, COLORS, CONTENT_WIDTH, FONT, MARGIN, PAGE, type Ctx, type Pdf, Yielder, currentPage, ensureSpace, formatDate, formatDateTime, newPage, registerFonts, style } from "./pdf-layout";
import { drawMarkdown, drawParagraph } from "./pdf-markdown";
import { drawTable } from "./pdf-table";

// The quarterly report as a PDF (issue #6), drawn on the server with pdfkit
// from the report document (document.ts): a title page, a table of contents,
// then one chapter per section, each cluster a subsection. Pages stay
// buffered until the body is laid out, so the contents can name each
// section's page and every page can say "Page i of n".
//
// The same document always gives the same bytes: the file's dates come from
// the report (published, else compiled), pdfkit derives the file ID from
// them, and the embedded font's subset tag from its (sequential) font id.

export interface PdfRender {
  data: Buffer;
  pages: number;
  /** The longest stretch the render held the event loop, in ms. */
  longestSliceMs: number;
}

interface TocEntry {
  title: string;
  level: 0 | 1;
  page: number;
}

const TOC_LINE = 18;
const TOC_HEADING = 40;
const TOC_PER_PAGE = Math.floor((BODY_BOTTOM - MARGIN.top - TOC_HEADING) / TOC_LINE);

function titlePage(pdf: Pdf, doc: ReportDocument) {
  newPage(pdf);
  const text = (t: string, gap: number, opts: PDFKit.Mixins.TextOptions = {}) => {
    pdf.text(t, MARGIN.left, pdf.y, { width: CONTENT_WIDTH, ...opts });
    pdf.y += gap;
  };
  pdf.y = 170;
  style(pdf, FONT.regular, 11, COLORS.muted);
  text("Cluster Action Plan: quarterly report", 10);
  style(pdf, FONT.bold, 26);
  text(doc.title, 18, { lineGap: 2 });
  style(pdf, FONT.regular, 14);
  text(doc.planTitle, 2);
  style(pdf, FONT.regular, 11, COLORS.muted);
  text(doc.region, 22);
  style(pdf, FONT.bold, 13);
  text(`Reporting period: ${doc.periodLabel}`, 10);
  if (doc.edition > 1) {
    style(pdf, FONT.bold, 11);
    text(`Version ${doc.edition}`, 2);
    if (doc.changeNote) {
      style(pdf, FONT.regular, 10);
      text(`What changed: ${doc.changeNote}`, 10);
    }
  }
  if (doc.publishedAt) {
    style(pdf, FONT.regular, 11);
    text(`Published ${formatDate(doc.publishedAt)}`, 4);
  } else {
    style(pdf, FONT.bold, 16, COLORS.draft);
    text("DRAFT — not published", 4);
    style(pdf, FONT.regular, 9.5, COLORS.draft);
    text("The figures and texts may still change before the report is published.", 4);
  }
  style(pdf, FONT.regular, 9.5, COLORS.muted);
  text(`Figures compiled ${formatDateTime(doc.compiledAt)}`, 0);
}

const tocEntries = (doc: ReportDocument) => doc.sections.reduce((n, s) => n + 1 + s.children.length, 0);

function fillToc(pdf: Pdf, entries: TocEntry[], firstPage: number) {
  entries.forEach((e, i) => {
    const pageIndex = firstPage + Math.floor(i / TOC_PER_PAGE);
    pdf.switchToPage(pageIndex);
    if (i % TOC_PER_PAGE === 0) {
      pdf.y = MARGIN.top;
      style(pdf, FONT.bold, 18).text(i === 0 ? "Contents" : "Contents (continued)", MARGIN.left, MARGIN.top, { width: CONTENT_WIDTH, lineBreak: false });
      pdf.y = MARGIN.top + TOC_HEADING;
    }
    const y = MARGIN.top + TOC_HEADING + (i % TOC_PER_PAGE) * TOC_LINE;
    const indent = e.level === 0 ? 0 : 16;
    const number = String(e.page);
    style(pdf, e.level === 0 ? FONT.bold : FONT.regular, e.level === 0 ? 11 : 10);
    const numberWidth = pdf.widthOfString(number);
    const room = CONTENT_WIDTH - indent - numberWidth - 24;
    const title = fit(pdf, e.title, room);
    pdf.text(title, MARGIN.left + indent, y, { lineBreak: false });
    const titleEnd = MARGIN.left + indent + pdf.widthOfString(title);
    pdf.text(number, MARGIN.left + CONTENT_WIDTH - numberWidth, y, { lineBreak: false });
    // Dot leaders between the title and its page number.
    const leaderY = y + pdf.currentLineHeight() * 0.78;
    pdf.moveTo(titleEnd + 6, leaderY).lineTo(MARGIN.left + CONTENT_WIDTH - numberWidth - 6, leaderY).lineWidth(0.6).dash(0.6, { space: 2.4 }).strokeColor(COLORS.rule).stroke();
    pdf.undash();
    // The whole line links to the page (pdfkit: a number is a page index).
    pdf.link(MARGIN.left + indent, y, CONTENT_WIDTH - indent, TOC_LINE - 2, (e.page - 1) as unknown as string);
  });
}

/** Shorten text with an ellipsis to fit `width` at the current font. */
function fit(pdf: Pdf, text: string, width: number): string {
  if (pdf.widthOfString(text) <= width) return text;
  let end = text.length;
  while (end > 1 && pdf.widthOfString(`${text.slice(0, end)}…`) > width) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}

function footers(pdf: Pdf, doc: ReportDocument) {
  const total = pdf.bufferedPageRange().count;
  const label = doc.publishedAt ? doc.title : `DRAFT — ${doc.title}`;
  // The title page has none.
  for (let i = 1; i < total; i++) {
    pdf.switchToPage(i);
    const y = PAGE.height - MARGIN.bottom + 26;
    style(pdf, FONT.regular, 8, doc.publishedAt ? COLORS.muted : COLORS.draft);
    const pageText = `Page ${i + 1} of ${total}`;
    const pageWidth = pdf.widthOfString(pageText);
    pdf.moveTo(MARGIN.left, y - 8).lineTo(MARGIN.left + CONTENT_WIDTH, y - 8).lineWidth(0.4).strokeColor(COLORS.rule).stroke();
    pdf.text(fit(pdf, label, CONTENT_WIDTH - pageWidth - 24), MARGIN.left, y, { lineBreak: false });
    pdf.text(pageText, MARGIN.left + CONTENT_WIDTH - pageWidth, y, { lineBreak: false });
  }
}

function heading(pdf: Pdf, text: string, level: 1 | 2) {
  const size = level === 1 ? 18 : 14;
  style(pdf, FONT.bold, size);
  // Keep a heading with the start of what follows it.
  ensureSpace(pdf, pdf.heightOfString(text, { width: CONTENT_WIDTH }) + 80);
  if (level === 2 && pdf.y > MARGIN.top + 1) pdf.y += 8;
  pdf.text(text, MARGIN.left, pdf.y, { width: CONTENT_WIDTH });
  if (level === 1) {
    pdf.moveTo(MARGIN.left, pdf.y + 2).lineTo(MARGIN.left + CONTENT_WIDTH, pdf.y + 2).lineWidth(1).strokeColor(COLORS.rule).stroke();
    pdf.y += 12;
  } else pdf.y += 6;
}

async function drawBlock(ctx: Ctx, block: ReportBlock) {
  const { pdf } = ctx;
  switch (block.kind) {
    case "markdown":
      await drawMarkdown(ctx, block.source);
      pdf.y += 4;
      break;
    case "paragraph":
      drawParagraph(ctx, block.text);
      pdf.y += 4;
      break;
    case "table":
      await drawTable(ctx, block);
      break;
    case "chart":
      await drawChart(ctx, block.input, block.summary);
      break;
    case "narrative": {
      style(pdf, FONT.bold, 11);
      const headH = pdf.heightOfString(block.heading, { width: CONTENT_WIDTH });
      ensureSpace(pdf, headH + 50);
      pdf.text(block.heading, MARGIN.left, pdf.y, { width: CONTENT_WIDTH });
      style(pdf, FONT.italic, 8.5, COLORS.muted).text(block.byline, MARGIN.left, pdf.y + 1, { width: CONTENT_WIDTH });
      pdf.y += 4;
      await drawMarkdown(ctx, block.source);
      pdf.y += 6;
      break;
    }
  }
  await ctx.yielder.tick();
}

// A section opens a new page only when less than a third of the page is left:
// a page per section left short sections alone on mostly empty pages.
const SECTION_ROOM = PAGE.height / 3;

async function drawSection(ctx: Ctx, section: ReportDocSection, toc: TocEntry[], outline: PDFKit.PDFOutline, level: 1 | 2, first = false) {
  const { pdf } = ctx;
  if (first) newPage(pdf);
  else if (level === 1 && !ensureSpace(pdf, SECTION_ROOM)) pdf.y += 18;
  heading(pdf, section.title, level);
  // The heading may have moved to a new page: take the page after drawing it.
  toc.push({ title: section.title, level: level === 1 ? 0 : 1, page: currentPage(pdf) + 1 });
  const item = outline.addItem(section.title, { expanded: level === 1 });
  for (const block of section.blocks) await drawBlock(ctx, block);
  for (const child of section.children) await drawSection(ctx, child, toc, item, 2);
}

// Pages are compressed when written out. Done all at once that is one long
// synchronous stretch for a long report; a few pages at a time, with a yield
// in between, keeps each stretch short. pdfkit (pinned) keeps the pages not
// yet written in _pageBuffer; flushPages() writes them all.
async function flushInSlices(ctx: Ctx) {
  const internal = ctx.pdf as unknown as { _pageBuffer: unknown[]; flushPages(): void };
  while (internal._pageBuffer.length > 0) {
    const rest = internal._pageBuffer.splice(6);
    internal.flushPages();
    internal._pageBuffer = rest;
    await ctx.yielder.tick();
  }
}

export interface RenderOptions {
  /** How long a synchronous stretch may run before yielding to the event loop (see Yielder). */
  sliceMs?: number;
}

export async function renderPdf(doc: ReportDocument, options: RenderOptions = {}): Promise<PdfRender> {
  const date = new Date(doc.publishedAt ?? doc.compiledAt);
  const pdf = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: false,
    // No standard font: pdfkit would load Helvetica's metrics and add the font to the file unused.
    font: null as unknown as string,
    displayTitle: true,
    lang: "en-US",
    info: { Title: doc.title, Author: "Cluster Action Tracker", Subject: `${doc.planTitle}: ${doc.periodLabel}`, Creator: "Cluster Action Tracker", CreationDate: date, ModDate: date },
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    pdf.on("end", resolve);
    pdf.on("error", reject);
  });
  const ctx: Ctx = { pdf, yielder: new Yielder(options.sliceMs) };
  await registerFonts(ctx);

  titlePage(pdf, doc);
  const tocPages = Math.max(1, Math.ceil(tocEntries(doc) / TOC_PER_PAGE));
  for (let i = 0; i < tocPages; i++) {
    newPage(pdf);
    // An outline item points at the page being written when it is added.
    if (i === 0) pdf.outline.addItem("Contents");
  }
  const toc: TocEntry[] = [];
  for (const [i, section] of doc.sections.entries()) await drawSection(ctx, section, toc, pdf.outline, 1, i === 0);

  fillToc(pdf, toc, 1);
  footers(pdf, doc);
  const pages = pdf.bufferedPageRange().count;
  await ctx.yielder.tick();
  await flushInSlices(ctx);
  pdf.end();
  await ended;
  ctx.yielder.finish();
  return { data: Buffer.concat(chunks), pages, longestSliceMs: ctx.yielder.longest };
}

export async function renderReportPdf(doc: ReportDocument): Promise<Buffer> {
  return (await renderPdf(doc)).data;
}
