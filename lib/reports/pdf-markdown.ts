import { Marked, type Token, type Tokens } from "marked";
import sanitizeHtml from "sanitize-html";
import type { ReportTable } from "./document";
import { COLORS, CONTENT_WIDTH, FONT, MARGIN, type Ctx, type FontName, type Pdf, currentPage, ensureSpace } from "./pdf-layout";
import { drawTable } from "./pdf-table";

// Staff Markdown (texts and narratives) in the PDF: marked's lexer gives the
// tokens, and each is drawn with pdfkit text. The same parser options as the
// web view (lib/markdown/render.ts), so both show the same structure. Raw HTML
// is never interpreted: sanitize-html with no allowed tags leaves its text.

const marked = new Marked({ gfm: true, breaks: true, async: false });

const BODY_SIZE = 10;
const LINE_GAP = 1.5;
const PARAGRAPH_GAP = 6;
const LIST_INDENT = 14;
const QUOTE_INDENT = 12;
// The web view links only these; anything else is shown as text.
const LINK_SCHEMES = /^(https?:|mailto:)/i;

interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  code: boolean;
  strike: boolean;
  link: string | null;
}
type RunStyle = Omit<Run, "text">;
const PLAIN: RunStyle = { bold: false, italic: false, code: false, strike: false, link: null };

/**
 * Text of an HTML fragment, tags dropped and entities decoded. sanitize-html
 * escapes exactly &, < and > in the text it returns; those are turned back.
 */
function plainText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

// Text tokens keep entity references as written ("Tom &amp; Jerry"), which the
// web view's HTML shows decoded. The text is not HTML, so "<" is escaped first.
const decodeEntities = (text: string) => (text.includes("&") ? plainText(text.replace(/</g, "&lt;")) : text);

function inlineRuns(tokens: Token[] | undefined, st: RunStyle, out: Run[]): Run[] {
  for (const t of tokens ?? []) {
    switch (t.type) {
      case "strong":
        inlineRuns(t.tokens, { ...st, bold: true }, out);
        break;
      case "em":
        inlineRuns(t.tokens, { ...st, italic: true }, out);
        break;
      case "del":
        inlineRuns(t.tokens, { ...st, strike: true }, out);
        break;
      case "link": {
        const href = (t as Tokens.Link).href;
        inlineRuns(t.tokens, { ...st, link: LINK_SCHEMES.test(href) ? href : st.link }, out);
        break;
      }
      case "codespan":
        // Code is shown as written: no entity decoding.
        out.push({ ...st, code: true, text: (t as Tokens.Codespan).text });
        break;
      case "br":
        out.push({ ...st, text: "\n" });
        break;
      case "image":
        out.push({ ...st, text: (t as Tokens.Image).text });
        break;
      case "html":
        out.push({ ...st, text: plainText((t as Tokens.HTML).text) });
        break;
      case "escape":
        out.push({ ...st, text: (t as Tokens.Escape).text });
        break;
      default:
        if ("tokens" in t && t.tokens?.length) inlineRuns(t.tokens, st, out);
        else if ("text" in t && typeof t.text === "string") out.push({ ...st, text: decodeEntities(t.text) });
    }
  }
  return out;
}

interface BlockStyle {
  indent: number;
  size: number;
  color: string;
  italic: boolean;
}

function fontOf(bold: boolean, italic: boolean): FontName {
  return bold ? (italic ? FONT.boldItalic : FONT.bold) : italic ? FONT.italic : FONT.regular;
}

/** Styled runs as one wrapped paragraph (pdfkit's continued text), starting at the current y. */
function writeRuns(pdf: Pdf, runs: Run[], bs: BlockStyle, bold = false) {
  // Adjacent runs in the same style are drawn as one, and empty ones dropped.
  const merged: Run[] = [];
  for (const r of runs) {
    const prev = merged[merged.length - 1];
    if (!r.text) continue;
    if (prev && prev.bold === r.bold && prev.italic === r.italic && prev.code === r.code && prev.strike === r.strike && prev.link === r.link) prev.text += r.text;
    else merged.push({ ...r });
  }
  if (merged.length === 0) return;
  const x = MARGIN.left + bs.indent;
  const width = CONTENT_WIDTH - bs.indent;
  pdf.fontSize(bs.size);
  merged.forEach((r, i) => {
    pdf.font(fontOf(bold || r.bold, bs.italic || r.italic)).fillColor(r.link ? COLORS.link : r.code ? COLORS.muted : bs.color);
    // Every option is given on each fragment: pdfkit carries a chain's earlier options over otherwise.
    const options = { width, lineGap: LINE_GAP, continued: i < merged.length - 1, link: r.link, underline: r.link !== null, strike: r.strike };
    if (i === 0) pdf.text(r.text, x, pdf.y, options);
    else pdf.text(r.text, options);
  });
  pdf.x = MARGIN.left;
}

const lineHeight = (pdf: Pdf, size: number) => pdf.fontSize(size).currentLineHeight(true) + LINE_GAP;

function markdownTable(t: Tokens.Table): ReportTable {
  const text = (cell: Tokens.TableCell) => inlineRuns(cell.tokens, PLAIN, []).map((r) => r.text).join("");
  return {
    kind: "table",
    id: "markdown",
    caption: "",
    columns: t.header.map((h) => ({ label: text(h), kind: "text" as const })),
    rows: t.rows.map((row) => row.map(text)),
    empty: "",
  };
}

async function drawBlocks(ctx: Ctx, tokens: Token[], bs: BlockStyle) {
  const { pdf } = ctx;
  for (const t of tokens) {
    switch (t.type) {
      case "space":
      case "def":
        break;
      case "heading": {
        const size = (t as Tokens.Heading).depth <= 2 ? bs.size + 2 : bs.size + 1;
        ensureSpace(pdf, lineHeight(pdf, size) + 3 * lineHeight(pdf, bs.size));
        pdf.y += 2;
        writeRuns(pdf, inlineRuns(t.tokens, PLAIN, []), { ...bs, size }, true);
        pdf.y += 3;
        break;
      }
      case "paragraph":
      case "text": {
        ensureSpace(pdf, 2 * lineHeight(pdf, bs.size));
        const runs = t.tokens?.length ? inlineRuns(t.tokens, PLAIN, []) : [{ ...PLAIN, text: decodeEntities((t as Tokens.Text).text) }];
        writeRuns(pdf, runs, bs);
        if (t.type === "paragraph") pdf.y += PARAGRAPH_GAP;
        break;
      }
      case "list": {
        const list = t as Tokens.List;
        const start = typeof list.start === "number" ? list.start : 1;
        for (const [i, item] of list.items.entries()) {
          // The marker and the item's first lines stay together (a paragraph asks for two lines).
          ensureSpace(pdf, 2 * lineHeight(pdf, bs.size));
          const marker = list.ordered ? `${start + i}.` : bs.indent >= LIST_INDENT ? "–" : "•";
          const y = pdf.y;
          pdf.font(FONT.regular).fontSize(bs.size).fillColor(bs.color);
          pdf.text(marker, MARGIN.left + bs.indent, y, { lineBreak: false });
          pdf.y = y;
          const itemTokens: Token[] = item.task ? [{ type: "text", raw: "", text: item.checked ? "[x] " : "[ ] " } as Tokens.Text, ...item.tokens] : item.tokens;
          await drawBlocks(ctx, itemTokens, { ...bs, indent: bs.indent + LIST_INDENT });
          if (item.loose) pdf.y += 2;
        }
        pdf.y += PARAGRAPH_GAP / 2;
        break;
      }
      case "blockquote": {
        const page = currentPage(pdf);
        const top = pdf.y;
        await drawBlocks(ctx, t.tokens ?? [], { ...bs, indent: bs.indent + QUOTE_INDENT, color: COLORS.muted });
        // The bar runs beside the quote on the page where it ends (from the page top when it began on an earlier one).
        const from = currentPage(pdf) === page ? top : MARGIN.top;
        const x = MARGIN.left + bs.indent + 3;
        pdf.moveTo(x, from).lineTo(x, pdf.y - PARAGRAPH_GAP).lineWidth(2).strokeColor(COLORS.faint).stroke();
        break;
      }
      case "code": {
        ensureSpace(pdf, 2 * lineHeight(pdf, bs.size));
        writeRuns(pdf, [{ ...PLAIN, code: true, text: (t as Tokens.Code).text }], { ...bs, indent: bs.indent + 8, size: bs.size - 1 });
        pdf.y += PARAGRAPH_GAP;
        break;
      }
      case "hr": {
        ensureSpace(pdf, 12);
        pdf.moveTo(MARGIN.left + bs.indent, pdf.y + 4).lineTo(MARGIN.left + CONTENT_WIDTH, pdf.y + 4).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
        pdf.y += 12;
        break;
      }
      case "table":
        await drawTable(ctx, markdownTable(t as Tokens.Table));
        break;
      case "html": {
        const text = plainText((t as Tokens.HTML).text).trim();
        if (text) {
          ensureSpace(pdf, 2 * lineHeight(pdf, bs.size));
          writeRuns(pdf, [{ ...PLAIN, text }], bs);
          pdf.y += PARAGRAPH_GAP;
        }
        break;
      }
      default:
        if ("tokens" in t && t.tokens?.length) await drawBlocks(ctx, t.tokens, bs);
    }
    await ctx.yielder.tick();
  }
}

export async function drawMarkdown(ctx: Ctx, source: string, options: { size?: number; color?: string } = {}) {
  await drawBlocks(ctx, marked.lexer(source), { indent: 0, size: options.size ?? BODY_SIZE, color: options.color ?? COLORS.text, italic: false });
  ctx.pdf.x = MARGIN.left;
}

/** A plain paragraph (document sentences). */
export function drawParagraph(ctx: Ctx, text: string, options: { size?: number; color?: string; italic?: boolean } = {}) {
  const bs = { indent: 0, size: options.size ?? BODY_SIZE, color: options.color ?? COLORS.text, italic: options.italic ?? false };
  ensureSpace(ctx.pdf, 2 * lineHeight(ctx.pdf, bs.size));
  writeRuns(ctx.pdf, [{ ...PLAIN, text }], bs);
  ctx.pdf.y += PARAGRAPH_GAP;
}
