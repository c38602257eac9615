import type { AnnualCell } from "./annual";
import type { ClusterDefinition } from "./cluster-figures";
import { naicsParent } from "./naics";
import { ALL_INDUSTRIES } from "./types";

// Synthetic employment for the analytics benchmark (scripts/bench/analytics-figures.ts)
// and its test: about twice a real SJV county's size, a full NAICS-shaped tree
// (20 sectors × 4 × 4 × 2 × 2, 2,360 codes) for private ownership and ~10% of it
// for federal, state and local, about 40% of cells at 4 digits and below
// suppressed, for the eight SJV counties and a U.S. reference area over ten
// years. Each level is the sum of the one below, as in BLS's files, so the
// estimates have real work to do. Deterministic.

export const SYNTHETIC_COUNTIES = ["06019", "06029", "06031", "06039", "06047", "06077", "06099", "06107"];
export const SYNTHETIC_YEARS = Array.from({ length: 10 }, (_, i) => 2007 + i);
const SECTORS = ["11", "21", "22", "23", "31-33", "42", "44-45", "48-49", "51", "52", "53", "54", "55", "56", "61", "62", "71", "72", "81", "92"];

function random(seed: number) {
  return () => (seed = (seed * 48271) % 2147483647) / 2147483647;
}

function childrenOf(code: string): string[] {
  const stem = code.includes("-") ? code.slice(0, 2) : code;
  const n = stem.length <= 3 ? 4 : 2;
  return stem.length >= 6 ? [] : Array.from({ length: n }, (_, i) => `${stem}${i + 1}`);
}

const TREE = SECTORS.flatMap(function walk(code: string): string[] {
  return [code, ...childrenOf(code).flatMap(walk)];
});

export function syntheticCells(): AnnualCell[] {
  const next = random(42);
  const cells: AnnualCell[] = [];
  for (const area of [...SYNTHETIC_COUNTIES, "US000"]) {
    const scale = area === "US000" ? 400 : 1;
    for (const year of SYNTHETIC_YEARS) {
      let total = 0;
      for (const ownership of [1, 2, 3, 5]) {
        // Employment at 6 digits, summed upward so every parent is its children's total.
        const jobs = new Map<string, number>();
        const estabs = new Map<string, number>();
        for (const code of TREE.filter((c) => c.length === 6)) {
          if (ownership !== 5 && next() > 0.1) continue;
          const e = Math.round(next() * 200 * scale);
          for (let c: string | null = code; c !== null; c = naicsParent(c) ?? (c === ALL_INDUSTRIES ? null : ALL_INDUSTRIES)) {
            jobs.set(c, (jobs.get(c) ?? 0) + e);
            estabs.set(c, (estabs.get(c) ?? 0) + 1 + Math.floor(e / 20));
          }
        }
        total += jobs.get(ALL_INDUSTRIES) ?? 0;
        for (const [industry, employment] of jobs) {
          const disclosed = area === "US000" || industry.length < 4 || industry.includes("-") || next() > 0.4;
          const establishments = estabs.get(industry)!;
          cells.push({ area, ownership, industry, year, employment: disclosed ? employment : null, wages: disclosed ? employment * 52_000 : null, establishments, disclosed, months: 12, complete: true });
        }
      }
      cells.push({ area, ownership: 0, industry: ALL_INDUSTRIES, year, employment: total, wages: total * 52_000, establishments: 1, disclosed: true, months: 12, complete: true });
    }
  }
  return cells;
}

export function syntheticClusters(): ClusterDefinition[] {
  const next = random(7);
  const pick = (n: number) => Array.from({ length: n }, () => TREE[Math.floor(next() * TREE.length)]!).filter((c) => c.length >= 3 && !c.includes("-"));
  return Array.from({ length: 7 }, (_, i) => {
    const codes = pick(20 + Math.floor(next() * 41));
    return { key: `c${i}`, name: `Cluster ${i}`, codes, components: [0, 1, 2].map((k) => ({ name: `Part ${k}`, codes: codes.filter((_, j) => j % 3 === k) })) };
  });
}
