import type { ClusterDefinition, ClusterFigures } from "./cluster-figures";
import type { EmploymentIndex } from "./employment-index";
import { computeFigure, FigureSum, sumArea, type EmploymentFigure, type FigureOptions } from "./figure";
import { dedupeCodes, overlapsBetween, unionCodes, type CodeOverlap } from "./naics";
import { ALL_INDUSTRIES } from "./types";

// The share of the region's jobs in the plan's clusters (the 2012 plan put it
// at about 41% in 2010). Clusters can share industries, so two answers are
// given: the naive sum of the clusters' employment, which counts a shared
// industry once per cluster, and the union, which counts every industry once.
// The denominator is the all-industry row of the same ownerships the clusters
// sum, so a private-only share is private cluster jobs over private jobs.

export interface ClusterShareQuery extends FigureOptions {
  areas: readonly string[];
  year: number;
}

export interface ShareOf {
  employment: number;
  /** employment / total; null when the total is unknown (missing or suppressed). */
  share: number | null;
}

export interface ClusterShare {
  year: number;
  /** The region's all-industry employment over the same ownerships. */
  total: EmploymentFigure;
  byCluster: (ShareOf & { key: string; figure: EmploymentFigure })[];
  /** Σ of the clusters' employment: shared industries counted once per cluster. */
  naive: ShareOf;
  /** The union of the clusters' codes: every industry once. */
  union: ShareOf & { figure: EmploymentFigure };
  /** Pairs of clusters that share industries, with the shared codes. */
  overlaps: { a: string; b: string; codes: CodeOverlap[] }[];
}

export function computeClusterShare(index: EmploymentIndex, clusters: readonly ClusterDefinition[], query: ClusterShareQuery): ClusterShare {
  return computeClusterShares(index, clusters, { ...query, years: [query.year] })[0]!;
}

export interface ClusterSharesQuery extends FigureOptions {
  areas: readonly string[];
  years: readonly number[];
}

/**
 * computeClusterShare for each year. `figures`: the clusters' figures
 * (computeClusterFigures over the same areas and options), whose region
 * figures are then taken rather than summed again; a cluster or year they
 * lack is summed here.
 */
export function computeClusterShares(index: EmploymentIndex, clusters: readonly ClusterDefinition[], query: ClusterSharesQuery, figures: readonly ClusterFigures[] = []): ClusterShare[] {
  // The same every year: worked out once.
  const union = unionCodes(clusters.map((c) => c.codes));
  const overlaps = clusterOverlaps(clusters);
  const known = new Map(figures.map((f) => [f.key, new Map(f.years.map((y) => [y.year, y.region]))]));
  return query.years.map((year) => {
    const totalSum = new FigureSum(year);
    for (const area of query.areas) totalSum.add(sumArea(index, area, [ALL_INDUSTRIES], year, query));
    const total = totalSum.finish();
    const denominator = total.partial || total.missingAreas.length > 0 || total.employment <= 0 ? null : total.employment;
    const shareOf = (employment: number): ShareOf => ({ employment, share: denominator === null ? null : employment / denominator });

    const byCluster = clusters.map((c) => {
      const figure = known.get(c.key)?.get(year) ?? computeFigure(index, query.areas, c.codes, year, query);
      return { key: c.key, figure, ...shareOf(figure.employment) };
    });
    const unionFigure = computeFigure(index, query.areas, union, year, query);
    return {
      year,
      total,
      byCluster,
      naive: shareOf(byCluster.reduce((s, c) => s + c.employment, 0)),
      union: { ...shareOf(unionFigure.employment), figure: unionFigure },
      overlaps,
    };
  });
}

function clusterOverlaps(clusters: readonly ClusterDefinition[]): ClusterShare["overlaps"] {
  const overlaps: ClusterShare["overlaps"] = [];
  // Each cluster's list deduplicated once, not once per pair it is in.
  const lists = clusters.map((c) => dedupeCodes(c.codes).codes);
  for (let i = 0; i < clusters.length; i++) {
    for (let j = i + 1; j < clusters.length; j++) {
      const codes = overlapsBetween(lists[i]!, lists[j]!);
      if (codes.length > 0) overlaps.push({ a: clusters[i]!.key, b: clusters[j]!.key, codes });
    }
  }
  return overlaps;
}
