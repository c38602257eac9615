import { CHART_COLORS as C } from "@/components/metrics/chart-colors";
import { X_TICK_LENGTH, buildChart, type ChartGeometry, type ChartSeriesInput } from "@/lib/metrics/chart";
import { CONTENT_WIDTH, COLORS, FONT, MARGIN, type Ctx, type Pdf, ensureSpace, style } from "./pdf-layout";

// A metric chart as vector graphics: the same geometry as the web chart
// (buildChart), drawn with pdfkit's path operators instead of SVG markup. The
// title goes above, a small legend under it, the block's summary below; the
// whole figure stays on one page.

const SIZE = { width: 440, height: 200, fontSize: 8 };
// As on the web: a dot per value while they stay apart, else only the latest.
const MAX_DOTS = 24;
const TITLE_SIZE = 10;
const SUMMARY_SIZE = 8.5;
const LEGEND_HEIGHT = 14;

function legend(pdf: Pdf, g: ChartGeometry, x: number, y: number) {
  const items: { label: string; draw: (x: number, y: number) => void }[] = [];
  if (g.points.length > 0)
    items.push({
      label: "Actual",
      draw: (lx, ly) => {
        pdf.moveTo(lx, ly).lineTo(lx + 16, ly).lineWidth(2).strokeColor(C.actual).stroke();
        pdf.circle(lx + 8, ly, 2.5).fill(C.actual);
      },
    });
  if (g.targetPath)
    items.push({
      label: "Target path",
      draw: (lx, ly) => {
        pdf.moveTo(lx, ly).lineTo(lx + 16, ly).lineWidth(1.5).dash(4, { space: 2.5 }).strokeColor(C.target).stroke();
        pdf.undash();
      },
    });
  if (g.baseline)
    items.push({
      label: "Baseline",
      draw: (lx, ly) => diamond(pdf, lx + 8, ly, 4),
    });
  style(pdf, FONT.regular, 8, C.text);
  let at = x;
  for (const item of items) {
    item.draw(at, y + 5);
    pdf.fillColor(C.text).text(item.label, at + 20, y, { lineBreak: false });
    at += 20 + pdf.widthOfString(item.label) + 14;
  }
}

function diamond(pdf: Pdf, x: number, y: number, r: number) {
  pdf.polygon([x, y - r], [x + r, y], [x, y + r], [x - r, y]).lineWidth(1.5).fillAndStroke("#ffffff", C.baseline);
}

function plot(pdf: Pdf, g: ChartGeometry) {
  const { plot: p } = g;
  style(pdf, FONT.regular, g.fontSize, C.text);
  for (const t of g.yTicks) {
    pdf.moveTo(p.left, t.y).lineTo(p.right, t.y).lineWidth(t.zero ? 0.8 : 0.4).strokeColor(t.zero ? C.axis : C.grid).stroke();
    const w = pdf.widthOfString(t.label);
    pdf.fillColor(C.text).text(t.label, g.yLabelX - w, t.y, { lineBreak: false, baseline: "middle" });
  }
  if (g.yAxisTitle) {
    style(pdf, FONT.bold, g.fontSize, C.text).text(g.yAxisTitle, 0, g.fontSize, { lineBreak: false, baseline: "alphabetic" });
    style(pdf, FONT.regular, g.fontSize, C.text);
  }
  pdf.moveTo(p.left, p.bottom).lineTo(p.right, p.bottom).lineWidth(0.8).strokeColor(C.axis).stroke();
  for (const t of g.xTicks) {
    pdf.moveTo(t.x, p.bottom).lineTo(t.x, p.bottom + X_TICK_LENGTH).lineWidth(0.8).strokeColor(C.axis).stroke();
    const w = pdf.widthOfString(t.label);
    pdf.fillColor(C.text).text(t.label, t.x - w / 2, g.xLabelY, { lineBreak: false, baseline: "alphabetic" });
  }
  if (g.targetPath) {
    pdf.path(g.targetPath).lineWidth(1.5).dash(4, { space: 2.5 }).strokeColor(C.target).stroke();
    pdf.undash();
  }
  if (g.actualPath) pdf.path(g.actualPath).lineWidth(2).lineJoin("round").strokeColor(C.actual).stroke();
  for (const pt of g.points.length <= MAX_DOTS ? g.points : g.points.slice(-1)) pdf.circle(pt.x, pt.y, 3).lineWidth(1).fillAndStroke(C.actual, "#ffffff");
  if (g.baseline) diamond(pdf, g.baseline.x, g.baseline.y, 4.5);
}

export async function drawChart(ctx: Ctx, input: ChartSeriesInput, summary: string) {
  const { pdf } = ctx;
  const empty = input.actuals.length === 0 && input.targetPath.length === 0;
  const g = empty ? null : buildChart(input, SIZE);

  style(pdf, FONT.bold, TITLE_SIZE);
  const titleH = pdf.heightOfString(input.title, { width: CONTENT_WIDTH });
  style(pdf, FONT.regular, SUMMARY_SIZE);
  const note = empty ? `No measurements yet. ${summary}` : summary;
  const summaryH = pdf.heightOfString(note, { width: CONTENT_WIDTH });
  const figureH = g ? LEGEND_HEIGHT + g.height + 4 : 0;
  ensureSpace(pdf, titleH + 4 + figureH + summaryH + 14);

  style(pdf, FONT.bold, TITLE_SIZE).text(input.title, MARGIN.left, pdf.y, { width: CONTENT_WIDTH });
  pdf.y += 4;
  if (g) {
    const top = pdf.y;
    legend(pdf, g, MARGIN.left, top);
    pdf.save();
    pdf.translate(MARGIN.left, top + LEGEND_HEIGHT);
    plot(pdf, g);
    pdf.restore();
    pdf.y = top + figureH;
  }
  style(pdf, FONT.regular, SUMMARY_SIZE, COLORS.muted).text(note, MARGIN.left, pdf.y, { width: CONTENT_WIDTH });
  pdf.x = MARGIN.left;
  pdf.y += 14;
  await ctx.yielder.tick();
}
