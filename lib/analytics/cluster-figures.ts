import type { EmploymentIndex } from "./employment-index";
import { FigureSum, sumArea, type EmploymentFigure, type FigureOptions } from "./figure";
import { dedupeCodes, type DedupedCodes } from "./naics";

// Employment, establishments and pay of each cluster and each of its
// value-chain components, per county and for the region, year by year. The
// region is the sum of its counties' cells, so a county's suppression shows
// in the region's coverage too.

export interface ClusterComponent {
  name: string;
  codes: string[];
}

export interface ClusterDefinition {
  key: string;
  name: string;
  /** NAICS codes at any level from 2 to 6 digits. */
  codes: string[];
  components?: ClusterComponent[];
}

export interface AreaFigures {
  region: EmploymentFigure;
  /** By area code, in the order the areas were given. */
  areas: Record<string, EmploymentFigure>;
}

export interface ClusterYear extends AreaFigures {
  year: number;
  components: (AreaFigures & { name: string })[];
}

export interface ClusterFigures {
  key: string;
  name: string;
  /** The codes counted: normalised, each once, descendants of listed codes dropped. */
  codes: string[];
  /** What the definition listed but the figures do not count twice. */
  dropped: DedupedCodes["dropped"];
  years: ClusterYear[];
}

export interface ClusterFiguresQuery extends FigureOptions {
  /** The region's areas (counties). */
  areas: readonly string[];
  years: readonly number[];
}

/** Every cluster's figures for every area and year asked. */
export function computeClusterFigures(index: EmploymentIndex, clusters: readonly ClusterDefinition[], query: ClusterFiguresQuery): ClusterFigures[] {
  return clusters.map((cluster) => {
    const { codes, dropped } = dedupeCodes(cluster.codes);
    const components = (cluster.components ?? []).map((c) => ({ name: c.name, codes: dedupeCodes(c.codes).codes }));
    return {
      key: cluster.key,
      name: cluster.name,
      codes,
      dropped,
      years: query.years.map((year) => ({
        year,
        ...figuresByArea(index, query.areas, codes, year, query),
        components: components.map((c) => ({ name: c.name, ...figuresByArea(index, query.areas, c.codes, year, query) })),
      })),
    };
  });
}

/** One code list's figure for each area and for the region. Codes must already be deduplicated (dedupeCodes). */
export function figuresByArea(index: EmploymentIndex, areas: readonly string[], codes: readonly string[], year: number, options: FigureOptions = {}): AreaFigures {
  const region = new FigureSum(year);
  const byArea: Record<string, EmploymentFigure> = {};
  for (const area of areas) {
    const sum = sumArea(index, area, codes, year, options);
    byArea[area] = sum.finish();
    region.add(sum);
  }
  return { region: region.finish(), areas: byArea };
}
