// Seeded random data for the scale data set: every run benchmarks the same data.

// mulberry32: tiny seeded PRNG.
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const between = (lo: number, hi: number) => lo + next() * (hi - lo);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  // One of several choices, by weight: [[value, weight], …].
  const weighted = <T>(choices: readonly (readonly [T, number])[]): T => {
    let x = next() * choices.reduce((s, [, w]) => s + w, 0);
    for (const [v, w] of choices) if ((x -= w) < 0) return v;
    return choices[choices.length - 1]![0];
  };
  return { next, int, between, pick, weighted };
}
export type Rng = ReturnType<typeof prng>;

export const WORDS = ["regional", "workforce", "industry", "training", "broadband", "logistics", "water", "energy", "export", "capital", "innovation", "supply", "health", "manufacturing", "agriculture", "partners", "network", "pilot", "certification", "apprenticeship", "research", "investment"];
const VERBS = ["Expand", "Launch", "Coordinate", "Fund", "Develop", "Convene", "Assess", "Promote", "Establish", "Align"];
export const CLUSTER_NAMES = ["Agribusiness", "Health and Medical", "Manufacturing", "Renewable Energy", "Logistics", "Water Technology", "Information Technology"];

export const sentence = (r: Rng, words: number) => `${r.pick(VERBS)} ${Array.from({ length: words }, () => r.pick(WORDS)).join(" ")}.`;
export const pad = (n: number, w: number) => String(n).padStart(w, "0");
