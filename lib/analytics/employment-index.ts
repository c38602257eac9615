import { annualize, type AnnualCell } from "./annual";
import { isNaicsCode, naicsParent } from "./naics";
import { ALL_INDUSTRIES, type EmploymentRecord } from "./types";

// The cells the computations read, by area, ownership, industry and year,
// plus each NAICS cell's children (for the suppression estimate). A caller
// backed by the database builds one from just the rows it needs: the
// clusters' codes, their parents and siblings if it wants estimates, and the
// all-industry rows.

/** One area and year: each industry's cells by ownership code, and each NAICS cell's children. */
export interface AreaYear {
  cells: Map<string, (AnnualCell | undefined)[]>;
  children: Map<string, string[]>;
}

// Nested maps rather than one map of composite string keys: the figures look
// up hundreds of thousands of cells, and building a key string for each was
// most of their time.
export class EmploymentIndex {
  private readonly byArea = new Map<string, Map<number, AreaYear>>();
  // Each industry's parent, worked out once per index rather than once per area and year.
  private readonly parents = new Map<string, string | null>();
  private count = 0;

  constructor(cells: Iterable<AnnualCell>) {
    for (const c of cells) {
      const ay = this.areaYearOrCreate(c.area, c.year);
      let byOwnership = ay.cells.get(c.industry);
      const isNewIndustry = !byOwnership;
      if (!byOwnership) ay.cells.set(c.industry, (byOwnership = []));
      if (byOwnership[c.ownership]) throw new Error(`two cells for ${c.area} ownership ${c.ownership} industry ${c.industry} ${c.year}`);
      byOwnership[c.ownership] = c;
      this.count += 1;
      if (!isNewIndustry) continue;
      const parent = this.parentOf(c.industry);
      if (parent === null) continue;
      const siblings = ay.children.get(parent);
      if (siblings) siblings.push(c.industry);
      else ay.children.set(parent, [c.industry]);
    }
  }

  /** Quarterly and annual records, any mix of areas and years (see annualize). */
  static fromRecords(records: readonly EmploymentRecord[]): EmploymentIndex {
    return new EmploymentIndex(annualize(records));
  }

  /** Everything loaded for one area and year; undefined when nothing was. */
  areaYear(area: string, year: number): AreaYear | undefined {
    return this.byArea.get(area)?.get(year);
  }

  /** The code an estimate of `industry` climbs to: naicsParent, with the all-industry row above a sector; null for a code that is not NAICS (the total, a supersector). */
  parentOf(industry: string): string | null {
    let parent = this.parents.get(industry);
    if (parent === undefined) {
      // A sector's parent is the all-industry row, so an estimate can climb
      // from a suppressed sector to the total.
      parent = isNaicsCode(industry) ? (naicsParent(industry) ?? ALL_INDUSTRIES) : null;
      this.parents.set(industry, parent);
    }
    return parent;
  }

  get(area: string, ownership: number, industry: string, year: number): AnnualCell | undefined {
    return this.areaYear(area, year)?.cells.get(industry)?.[ownership];
  }

  /** The cells one NAICS level below `industry` (sectors below "10") with the same ownership. */
  childrenOf(area: string, ownership: number, industry: string, year: number): AnnualCell[] {
    const ay = this.areaYear(area, year);
    if (!ay) return [];
    const out: AnnualCell[] = [];
    for (const code of ay.children.get(industry) ?? []) {
      const cell = ay.cells.get(code)?.[ownership];
      if (cell) out.push(cell);
    }
    return out;
  }

  /** Whether any cell of the area and year was loaded. QCEW leaves out industries with no establishments, so a missing cell of a loaded area-year means none. */
  hasAreaYear(area: string, year: number): boolean {
    return this.areaYear(area, year) !== undefined;
  }

  get size(): number {
    return this.count;
  }

  private areaYearOrCreate(area: string, year: number): AreaYear {
    let byYear = this.byArea.get(area);
    if (!byYear) this.byArea.set(area, (byYear = new Map()));
    let ay = byYear.get(year);
    if (!ay) byYear.set(year, (ay = { cells: new Map(), children: new Map() }));
    return ay;
  }
}
