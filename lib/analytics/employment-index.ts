import { annualize, type AnnualCell } from "./annual";
import { isNaicsCode, naicsParent } from "./naics";
import { ALL_INDUSTRIES, type EmploymentRecord } from "./types";

// The cells the computations read, by area, ownership, industry and year,
// plus each NAICS cell's children (for the suppression estimate). A caller
// backed by the database builds one from just the rows it needs: the
// clusters' codes, their parents and siblings if it wants estimates, and the
// all-industry rows.

export class EmploymentIndex {
  private readonly cells = new Map<string, AnnualCell>();
  private readonly children = new Map<string, string[]>();
  private readonly areaYears = new Set<string>();

  constructor(cells: Iterable<AnnualCell>) {
    for (const c of cells) {
      const k = key(c.area, c.ownership, c.industry, c.year);
      if (this.cells.has(k)) throw new Error(`two cells for ${k}`);
      this.cells.set(k, c);
      this.areaYears.add(`${c.area}|${c.year}`);
      if (!isNaicsCode(c.industry)) continue;
      // A sector's parent is the ownership's all-industry row, so an estimate
      // can climb from a suppressed sector to the total.
      const parent = naicsParent(c.industry) ?? ALL_INDUSTRIES;
      const pk = key(c.area, c.ownership, parent, c.year);
      const siblings = this.children.get(pk);
      if (siblings) siblings.push(c.industry);
      else this.children.set(pk, [c.industry]);
    }
  }

  /** Quarterly and annual records, any mix of areas and years (see annualize). */
  static fromRecords(records: readonly EmploymentRecord[]): EmploymentIndex {
    return new EmploymentIndex(annualize(records));
  }

  get(area: string, ownership: number, industry: string, year: number): AnnualCell | undefined {
    return this.cells.get(key(area, ownership, industry, year));
  }

  /** The cells one NAICS level below `industry` (sectors below "10"). */
  childrenOf(area: string, ownership: number, industry: string, year: number): AnnualCell[] {
    const codes = this.children.get(key(area, ownership, industry, year)) ?? [];
    return codes.map((c) => this.cells.get(key(area, ownership, c, year))!);
  }

  /** Whether any cell of the area and year was loaded. QCEW leaves out industries with no establishments, so a missing cell of a loaded area-year means none. */
  hasAreaYear(area: string, year: number): boolean {
    return this.areaYears.has(`${area}|${year}`);
  }

  get size(): number {
    return this.cells.size;
  }
}

function key(area: string, ownership: number, industry: string, year: number): string {
  return `${area}|${ownership}|${industry}|${year}`;
}
