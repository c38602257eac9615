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
  private readonly byAreaYear = new Map<string, AreaYear>();
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
      if (!isNewIndustry || !isNaicsCode(c.industry)) continue;
      // A sector's parent is the all-industry row, so an estimate can climb
      // from a suppressed sector to the total.
      const parent = naicsParent(c.industry) ?? ALL_INDUSTRIES;
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
    return this.byAreaYear.get(`${area}|${year}`);
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
    return this.byAreaYear.has(`${area}|${year}`);
  }

  get size(): number {
    return this.count;
  }

  private areaYearOrCreate(area: string, year: number): AreaYear {
    const k = `${area}|${year}`;
    let ay = this.byAreaYear.get(k);
    if (!ay) this.byAreaYear.set(k, (ay = { cells: new Map(), children: new Map() }));
    return ay;
  }
}
