import { describe, expect, it } from "vitest";
import { computeClusterFigures } from "./cluster-figures";
import { computeClusterShare, computeClusterShares } from "./cluster-share";
import { EmploymentIndex } from "./employment-index";
import { computeLocationQuotient } from "./location-quotient";
import { computeShiftShare } from "./shift-share";
import { estimateIndustries } from "./suppression";
import { SYNTHETIC_COUNTIES, SYNTHETIC_YEARS, syntheticCells, syntheticClusters } from "./synthetic-cells";

// The benchmark's data (scripts/bench/analytics-figures.ts times the figures
// on it): checked here for what the figures must hold whatever their speed.
describe("the synthetic employment data of the analytics benchmark", () => {
  const index = new EmploymentIndex(syntheticCells());
  const clusters = syntheticClusters();

  it("gives region figures that are the sum of their counties, with suppression reported", () => {
    const figures = computeClusterFigures(index, clusters, { areas: SYNTHETIC_COUNTIES, years: SYNTHETIC_YEARS });
    expect(figures).toHaveLength(7);
    for (const f of figures) {
      for (const y of f.years) {
        const sum = Object.values(y.areas).reduce((s, a) => s + a.employment, 0);
        expect(y.region.employment).toBeCloseTo(sum, 6);
      }
    }
    expect(figures.some((f) => f.years.some((y) => y.region.partial && y.region.coverage < 1))).toBe(true);
  });

  it("splits every decomposable code's change into three parts that add up to it, with estimates", () => {
    for (const c of clusters) {
      const ss = computeShiftShare(index, { areas: SYNTHETIC_COUNTIES, reference: ["US000"], codes: c.codes, fromYear: SYNTHETIC_YEARS[0]!, toYear: SYNTHETIC_YEARS.at(-1)!, estimate: true });
      for (const x of ss.byCode) if (x.decomposable) expect(x.parts.national + x.parts.industryMix + x.parts.regional).toBeCloseTo(x.parts.change, 6);
    }
  });

  // The plan's figures take each cluster's region figure from the cluster figures rather than summing it again.
  it("gives the same shares, location quotients and shift-shares from the clusters' region figures as summed afresh", () => {
    const areas = SYNTHETIC_COUNTIES;
    const reference = ["US000"];
    for (const estimate of [false, true]) {
      const figures = computeClusterFigures(index, clusters, { areas, years: SYNTHETIC_YEARS, estimate });
      expect(computeClusterShares(index, clusters, { areas, years: SYNTHETIC_YEARS, estimate }, figures)).toEqual(SYNTHETIC_YEARS.map((year) => computeClusterShare(index, clusters, { areas, year, estimate })));
      for (const f of figures) {
        for (const y of f.years) {
          const query = { areas, reference, codes: f.codes, year: y.year, estimate };
          expect(computeLocationQuotient(index, query, y.region)).toEqual(computeLocationQuotient(index, query));
        }
        const query = { areas, reference, codes: f.codes, fromYear: SYNTHETIC_YEARS[0]!, toYear: SYNTHETIC_YEARS.at(-1)!, estimate };
        expect(computeShiftShare(index, query, { from: f.years[0]!.region, to: f.years.at(-1)!.region })).toEqual(computeShiftShare(index, query));
      }
    }
  });

  it("estimates the same from the industries estimateIndustries names as from every industry", () => {
    const reach = new Set(estimateIndustries(clusters.flatMap((c) => c.codes)));
    const cells = syntheticCells();
    const partial = new EmploymentIndex(cells.filter((c) => reach.has(c.industry)));
    expect(partial.size).toBeLessThan(cells.length / 1.5);
    const query = { areas: [...SYNTHETIC_COUNTIES, "US000"], years: SYNTHETIC_YEARS, estimate: true };
    expect(computeClusterFigures(partial, clusters, query)).toEqual(computeClusterFigures(index, clusters, query));
  });
});
