import { beforeAll, describe, expect, it } from "vitest";
import { qcewRowToRecord, readQcewRows, SJV_COUNTIES, type QcewRow } from "@/lib/test/qcew-csv";
import { figuresByArea } from "./cluster-figures";
import { EmploymentIndex } from "./employment-index";
import { computeFigure, PRIVATE_OWNERSHIP } from "./figure";
import { locationQuotient } from "./location-quotient";
import { estimateCell } from "./suppression";

// The computations against BLS's own numbers: the real 2016 QCEW files of the
// eight San Joaquin Valley counties (committed gzipped under lib/analytics/fixtures/).

const FRESNO = "06019";
const rows = new Map<string, QcewRow[]>();
let index: EmploymentIndex;

describe("the real 2016 San Joaquin Valley QCEW files", () => {
  beforeAll(() => {
    for (const county of SJV_COUNTIES) rows.set(county, readQcewRows(county));
    index = EmploymentIndex.fromRecords([...rows.values()].flat().map(qcewRowToRecord));
  });

  it("averages a county's 12 monthly levels into its annual employment", () => {
    const total = rows.get(FRESNO)!.filter((r) => r.own_code === "0" && r.industry_code === "10");
    const months = total.flatMap((r) => [r.month1_emplvl, r.month2_emplvl, r.month3_emplvl].map(Number));
    expect(months).toHaveLength(12);
    const cell = index.get(FRESNO, 0, "10", 2016)!;
    expect(cell.employment).toBeCloseTo(months.reduce((s, m) => s + m, 0) / 12, 9);
    expect(cell.complete).toBe(true);
  });

  it("reproduces BLS's published location quotients between counties (4-digit, private)", () => {
    // LQ_a / LQ_b = share_a / share_b for one industry and month, the U.S. share cancelling out;
    // our LQ of county a against county b as reference is exactly share_a / share_b. Each published
    // LQ is rounded to ±0.005, so the true ratio lies in [(La − .005)/(Lb + .005), (La + .005)/(Lb − .005)].
    // Only cells both counties disclosed, with LQs ≥ 0.5, where that interval is narrow.
    const pairs = [
      [FRESNO, "06029"],
      ["06107", "06099"],
      ["06077", "06047"],
      ["06031", "06039"],
    ] as const;
    let checked = 0;
    const industries = new Set<string>();
    const failures: string[] = [];
    let privateDenominatorFailures = 0;
    for (const [a, b] of pairs) {
      const byKey = (county: string) => new Map(rows.get(county)!.filter((r) => r.agglvl_code === "76" && r.own_code === "5").map((r) => [`${r.industry_code}|${r.qtr}`, r]));
      const totals = (county: string, own: string) => new Map(rows.get(county)!.filter((r) => r.own_code === own && r.industry_code === "10").map((r) => [r.qtr!, r]));
      const [ra, rb] = [byKey(a), byKey(b)];
      const [ta, tb, pa, pb] = [totals(a, "0"), totals(b, "0"), totals(a, "5"), totals(b, "5")];
      for (const [key, rowA] of ra) {
        const rowB = rb.get(key);
        if (!rowB || rowA.disclosure_code === "N" || rowB.disclosure_code === "N") continue;
        for (const m of [1, 2, 3]) {
          const [la, lb] = [Number(rowA[`lq_month${m}_emplvl`]), Number(rowB[`lq_month${m}_emplvl`])];
          if (la < 0.5 || lb < 0.5) continue;
          const month = (r: QcewRow | undefined) => Number(r![`month${m}_emplvl`]);
          const input = { areaIndustry: month(rowA), referenceIndustry: month(rowB) };
          const lq = locationQuotient({ ...input, areaTotal: month(ta.get(rowA.qtr!)), referenceTotal: month(tb.get(rowA.qtr!)) })!;
          const [lo, hi] = [(la - 0.005) / (lb + 0.005), (la + 0.005) / (lb - 0.005)];
          checked += 1;
          industries.add(rowA.industry_code!);
          if (lq < lo - 1e-12 || lq > hi + 1e-12) failures.push(`${a}/${b} ${key} m${m}: ${lq} not in [${lo}, ${hi}]`);
          // The same with private totals, which is not BLS's convention, should be caught.
          const wrong = locationQuotient({ ...input, areaTotal: month(pa.get(rowA.qtr!)), referenceTotal: month(pb.get(rowA.qtr!)) })!;
          if (wrong < lo || wrong > hi) privateDenominatorFailures += 1;
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(500);
    expect(industries.size).toBeGreaterThan(30);
    for (const named of ["1113", "1151", "3114", "4244"]) expect(industries).toContain(named);
    expect(privateDenominatorFailures).toBeGreaterThan(checked / 2);
  });

  it("counts and reports suppressed cells, never zeroes them, and labels the estimate", () => {
    // A Fresno private 4-digit industry suppressed in 2016, with a disclosed sibling.
    const suppressed = [...new Set(rows.get(FRESNO)!.filter((r) => r.agglvl_code === "76" && r.own_code === "5").map((r) => r.industry_code!))]
      .map((code) => index.get(FRESNO, 5, code, 2016)!)
      .find((c) => !c.disclosed && c.establishments > 0)!;
    const parent = suppressed.industry.slice(0, 3);
    const sibling = index.childrenOf(FRESNO, 5, parent, 2016).find((c) => c.disclosed && (c.employment ?? 0) > 0)!;
    const codes = [sibling.industry, suppressed.industry];

    const f = computeFigure(index, [FRESNO], codes, 2016, { ownerships: PRIVATE_OWNERSHIP });
    expect(f.suppressedCells).toBe(1);
    expect(f.establishments).toBeCloseTo(sibling.establishments + suppressed.establishments, 9);
    expect(f.coverage).toBeLessThan(1);
    expect(f.coverage).toBeCloseTo(sibling.establishments / f.establishments, 12);
    expect(f.partial).toBe(true);
    expect(f.employment).toBeCloseTo(sibling.employment!, 9);

    const e = computeFigure(index, [FRESNO], codes, 2016, { ownerships: PRIVATE_OWNERSHIP, estimate: true });
    expect(e).toMatchObject({ estimated: true, partial: false, coverage: f.coverage });
    expect(e.employment).toBeGreaterThanOrEqual(f.employment);
  });

  it("estimates suppressed children that add up to their disclosed parent", () => {
    // Every disclosed private 3-digit industry, in every county, with suppressed 4-digit children
    // and jobs left over for them: disclosed children + estimates = the parent.
    let parents = 0;
    for (const county of SJV_COUNTIES) {
      for (const r of rows.get(county)!.filter((r) => r.agglvl_code === "75" && r.own_code === "5" && r.qtr === "1")) {
        const parent = index.get(county, 5, r.industry_code!, 2016)!;
        const children = index.childrenOf(county, 5, parent.industry, 2016);
        if (!parent.disclosed || children.every((c) => c.disclosed)) continue;
        const disclosed = children.reduce((s, c) => s + (c.employment ?? 0), 0);
        if (disclosed > parent.employment!) continue;
        const sum = children.reduce((s, c) => s + estimateCell(index, c)!.employment, 0);
        expect(sum).toBeCloseTo(parent.employment!, 6);
        parents += 1;
      }
    }
    expect(parents).toBeGreaterThan(50);
  });

  it("sums the counties into the region", () => {
    const agriculture = ["111", "112", "1151", "1152", "3114", "3115", "4244", "4245"];
    const { region, areas } = figuresByArea(index, SJV_COUNTIES, agriculture, 2016, { ownerships: PRIVATE_OWNERSHIP });
    const counties = Object.values(areas);
    expect(region.employment).toBeCloseTo(counties.reduce((s, f) => s + f.employment, 0), 6);
    expect(region.establishments).toBeCloseTo(counties.reduce((s, f) => s + f.establishments, 0), 6);
    expect(region.coverage).toBeGreaterThan(0.5);
    expect(region.complete).toBe(true);
  });
});
