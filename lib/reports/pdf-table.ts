import { formatCell } from "./cells";
import type { ReportColumn, ReportTable } from "./document";
import { BODY_BOTTOM, COLORS, CONTENT_WIDTH, FONT, MARGIN, type Ctx, type Pdf, ensureSpace, newPage, style } from "./pdf-layout";

// Tables in the PDF. Column widths follow column.width (relative); text wraps
// inside its cell; a row is never split across pages: a row that does not
// fit goes to the next page, under a repeat of the caption ("continued") and
// the header row. The caption, the header and the first row always start on
// the same page.

const SIZE = 8.5;
const CAPTION_SIZE = 10;
const PAD_X = 4;
const PAD_Y = 3;
/** A row taller than this (a very long cell) is cut with an ellipsis rather than spilling off the page. */
const MAX_ROW = BODY_BOTTOM - MARGIN.top - 80;

const numeric = (c: ReportColumn) => c.kind !== "text";

interface Layout {
  widths: number[];
  headerHeight: number;
}

function cellHeight(pdf: Pdf, text: string, width: number): number {
  const inner = width - 2 * PAD_X;
  // Most cells are one short line: measuring the width is far cheaper than wrapping.
  if (!text.includes("\n") && pdf.widthOfString(text) <= inner) return pdf.currentLineHeight(true);
  return pdf.heightOfString(text, { width: inner });
}

function rowHeight(pdf: Pdf, texts: string[], widths: number[]): number {
  let h = 0;
  for (let i = 0; i < texts.length; i++) h = Math.max(h, cellHeight(pdf, texts[i]!, widths[i]!));
  return Math.min(h + 2 * PAD_Y, MAX_ROW);
}

function drawRow(pdf: Pdf, texts: string[], columns: ReportColumn[], widths: number[], height: number, y: number) {
  let x = MARGIN.left;
  for (let i = 0; i < texts.length; i++) {
    const w = widths[i]!;
    // Explicit height: pdfkit then never starts a page inside a cell.
    pdf.text(texts[i]!, x + PAD_X, y + PAD_Y, { width: w - 2 * PAD_X, height: height - 2 * PAD_Y + 1, align: numeric(columns[i]!) ? "right" : "left", ellipsis: true, lineBreak: true });
    x += w;
  }
}

function drawHeader(pdf: Pdf, table: ReportTable, layout: Layout) {
  const y = pdf.y;
  pdf.rect(MARGIN.left, y, CONTENT_WIDTH, layout.headerHeight).fill(COLORS.faint);
  style(pdf, FONT.bold, SIZE);
  drawRow(pdf, table.columns.map((c) => c.label), table.columns, layout.widths, layout.headerHeight, y);
  rule(pdf, y + layout.headerHeight, 0.8);
  pdf.y = y + layout.headerHeight;
}

function rule(pdf: Pdf, y: number, width: number) {
  pdf.moveTo(MARGIN.left, y).lineTo(MARGIN.left + CONTENT_WIDTH, y).lineWidth(width).strokeColor(COLORS.rule).stroke();
}

function captionHeight(pdf: Pdf, caption: string) {
  style(pdf, FONT.bold, CAPTION_SIZE);
  return pdf.heightOfString(caption, { width: CONTENT_WIDTH }) + 4;
}

function drawCaption(pdf: Pdf, caption: string) {
  style(pdf, FONT.bold, CAPTION_SIZE);
  pdf.text(caption, MARGIN.left, pdf.y, { width: CONTENT_WIDTH });
  pdf.y += 4;
}

/**
 * Widths in proportion to column.width, except that a column gets at least
 * the width of its header's longest word ("Completed" would otherwise break
 * mid-word in a narrow count column), taken from the columns with room to spare.
 */
function columnWidths(pdf: Pdf, columns: ReportColumn[]): number[] {
  const weights = columns.map((c) => c.width ?? 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (w / total) * CONTENT_WIDTH);
  style(pdf, FONT.bold, SIZE);
  const need = columns.map((c) => Math.max(0, ...c.label.split(/\s+/).map((word) => pdf.widthOfString(word))) + 2 * PAD_X + 1);
  const deficit = widths.reduce((sum, w, i) => sum + Math.max(0, need[i]! - w), 0);
  const slack = widths.map((w, i) => Math.max(0, w - need[i]!));
  const room = slack.reduce((a, b) => a + b, 0);
  if (deficit === 0 || room < deficit) return widths;
  return widths.map((w, i) => (w < need[i]! ? need[i]! : w - (slack[i]! / room) * deficit));
}

export async function drawTable(ctx: Ctx, table: ReportTable) {
  const { pdf } = ctx;
  const capH = captionHeight(pdf, table.caption);
  if (table.rows.length === 0) {
    style(pdf, FONT.italic, 9.5);
    const emptyH = pdf.heightOfString(table.empty || "None.", { width: CONTENT_WIDTH });
    ensureSpace(pdf, capH + emptyH + 4);
    drawCaption(pdf, table.caption);
    style(pdf, FONT.italic, 9.5, COLORS.muted).text(table.empty || "None.", MARGIN.left, pdf.y, { width: CONTENT_WIDTH });
    pdf.y += 10;
    return;
  }

  const widths = columnWidths(pdf, table.columns);
  const layout: Layout = { widths, headerHeight: rowHeight(pdf, table.columns.map((c) => c.label), widths) };

  style(pdf, FONT.regular, SIZE);
  const firstTexts = table.rows[0]!.map((cell, i) => formatCell(cell, table.columns[i]!.kind));
  ensureSpace(pdf, capH + layout.headerHeight + rowHeight(pdf, firstTexts, widths));
  drawCaption(pdf, table.caption);
  drawHeader(pdf, table, layout);

  for (let r = 0; r < table.rows.length; r++) {
    style(pdf, FONT.regular, SIZE);
    const texts = r === 0 ? firstTexts : table.rows[r]!.map((cell, i) => formatCell(cell, table.columns[i]!.kind));
    const h = rowHeight(pdf, texts, widths);
    if (pdf.y + h > BODY_BOTTOM) {
      newPage(pdf);
      drawCaption(pdf, `${table.caption} (continued)`);
      drawHeader(pdf, table, layout);
      style(pdf, FONT.regular, SIZE);
    }
    const y = pdf.y;
    if (r % 2 === 1) pdf.rect(MARGIN.left, y, CONTENT_WIDTH, h).fill(COLORS.stripe);
    pdf.fillColor(COLORS.text);
    drawRow(pdf, texts, table.columns, widths, h, y);
    rule(pdf, y + h, 0.3);
    pdf.y = y + h;
    await ctx.yielder.tick();
  }
  pdf.x = MARGIN.left;
  pdf.y += 12;
}
