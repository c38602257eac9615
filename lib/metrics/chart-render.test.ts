import { createElement, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MetricChart } from "@/components/metrics/metric-chart";
import { Sparkline } from "@/components/metrics/sparkline";
import type { ChartSeriesInput } from "./chart";
import { targetPath } from "./status";

// The chart components rendered to static HTML, as a server page and a PDF get them.

const baseline = { date: "2012-12-31", value: 1000 };
const series: ChartSeriesInput = {
  title: "Energy cluster employment",
  unit: "jobs",
  unitLabel: null,
  frequency: "annual",
  actuals: [
    { label: "2014", date: "2014-12-31", value: 1150.5 },
    { label: "2013", date: "2013-12-31", value: 1100 },
  ],
  baseline,
  targetPath: targetPath(baseline, [], { date: "2016-12-31", value: 1400 }),
};

const render = (s: ChartSeriesInput, id?: string) => renderToStaticMarkup(createElement(MetricChart, { series: s, id }));
const attr = (html: string, name: string) => [...html.matchAll(new RegExp(`${name}="([^"]*)"`, "g"))].map((m) => m[1]!);
const text = (cell: string) => cell.replace(/<[^>]+>/g, "").trim();

describe("MetricChart", () => {
  it("is an image named by its <title> and described by its <desc>, with no script", () => {
    const html = render(series);
    expect(html).toContain('role="img"');
    const [labelledBy] = attr(html, "aria-labelledby");
    const [describedBy] = attr(html, "aria-describedby");
    expect(html).toContain(`<title id="${labelledBy}">Energy cluster employment: actual values and target path</title>`);
    expect(html).toMatch(new RegExp(`<desc id="${describedBy}">Energy cluster employment from 2013 to 2014: 1,100 to 1,150.5 jobs\\.`));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/ on[a-z]+=/i);
    expect(html).toContain('vector-effect="non-scaling-stroke"');
    expect(html).toMatch(/<figure[^>]*><figcaption>.*Actual.*Target path.*Baseline.*<\/figcaption>/);
  });

  it("gives every chart on a page its own ids", () => {
    const html = renderToStaticMarkup(createElement(Fragment, null, createElement(MetricChart, { series }), createElement(MetricChart, { series })));
    const ids = attr(html, "id");
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
    expect(render(series, "jobs-chart")).toContain('aria-labelledby="jobs-chart-title"');
  });

  it("offers the data as a table behind a native toggle, rows equal to the input", () => {
    const html = render(series);
    expect(html).toMatch(/<details[^>]*><summary[^>]*>Show the data as a table<\/summary>/);
    expect(html).not.toMatch(/<details[^>]*open/);
    expect(html).toMatch(/<caption[^>]*>Energy cluster employment: actual values and the target path, in jobs<\/caption>/);
    expect(attr(html, "scope")).toEqual(["col", "col", "col", "row", "row", "row", "row"]);
    const body = html.slice(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
    const rows = [...body.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) => text(c[1]!)));
    expect(rows).toEqual([
      ["Baseline (2012)", "1,000", "1,000"],
      ["2013", "1,100", "1,099.93"],
      ["2014", "1,150.5", "1,199.86"],
      ["Target (2016)", "None", "1,400"],
    ]);
  });

  it("says so in words when there is nothing to draw", () => {
    const html = render({ ...series, actuals: [], targetPath: [] });
    expect(html).toBe('<p class="text-sm text-slate-700">No measurements yet.</p>');
  });
});

describe("Sparkline", () => {
  it("names the trend, or hides itself when decorative", () => {
    const named = renderToStaticMarkup(createElement(Sparkline, { series }));
    expect(named).toContain('role="img"');
    expect(named).toContain('aria-label="1,100 to 1,150.5 jobs, 2013–2014"');
    const decorative = renderToStaticMarkup(createElement(Sparkline, { series, decorative: true }));
    expect(decorative).toContain('aria-hidden="true"');
    expect(decorative).not.toContain("role=");
  });
});
