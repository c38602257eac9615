// NAICS codes as cluster definitions use them and as BLS writes them.
//
// A cluster is a list of NAICS codes at any level from the 2-digit sector to
// the 6-digit industry. BLS publishes every level, each one a sum of the level
// below, so a definition must never count one code and its ancestor together:
// the ancestor already holds the descendant's jobs. BLS also writes three
// sectors as ranges ("31-33" manufacturing, "44-45" retail trade, "48-49"
// transportation and warehousing) and has no rows for "31", "44" or "48", so
// a definition's "31" is normalised to "31-33". Codes are matched against a
// record's industry code exactly, at the code's own level.

/** The 2-digit sectors BLS writes as ranges, by each of their 2-digit codes. */
export const RANGE_SECTORS: Readonly<Record<string, string>> = {
  "31": "31-33",
  "32": "31-33",
  "33": "31-33",
  "44": "44-45",
  "45": "44-45",
  "48": "48-49",
  "49": "48-49",
};

// Every NAICS sector. The check keeps BLS's own aggregate codes ("10" the
// all-industry total, "101"/"1011"... the supersectors) out of definitions:
// they look like NAICS codes but are sums across sectors.
const SECTORS = new Set(["11", "21", "22", "23", "31", "32", "33", "42", "44", "45", "48", "49", "51", "52", "53", "54", "55", "56", "61", "62", "71", "72", "81", "92", "99"]);

const RANGES = new Set(Object.values(RANGE_SECTORS));

/** Whether `code`, exactly as written, is a NAICS code of 2 to 6 digits or one of BLS's range sectors. */
export function isNaicsCode(code: string): boolean {
  if (RANGES.has(code)) return true;
  // A loop, not a regular expression: the index and the estimates ask this of every cell.
  if (code.length < 2 || code.length > 6) return false;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return SECTORS.has(code.slice(0, 2));
}

/** The code as BLS writes it: trimmed, and "31"/"32"/"33" as "31-33" (likewise retail and transportation). Throws on anything that is not a NAICS code. */
export function normalizeNaicsCode(code: string): string {
  const c = code.trim();
  if (!isNaicsCode(c)) throw new Error(`"${code}" is not a NAICS code (2 to 6 digits, or a BLS range sector such as 31-33)`);
  return RANGE_SECTORS[c] ?? c;
}

/** 2 for a sector (ranges included) up to 6 for a national industry. */
export function naicsLevel(code: string): number {
  return code.includes("-") ? 2 : code.length;
}

/** The code one level up, as BLS writes it ("1111" → "111", "311" → "31-33"); null for a sector. */
export function naicsParent(code: string): string | null {
  if (naicsLevel(code) <= 2) return null;
  const up = code.slice(0, -1);
  return RANGE_SECTORS[up] ?? up;
}

/** Every code naicsParent maps to `code`, whether BLS publishes it or not ("111" → "1110"…"1119", "31-33" → "310"…"339"); none below a 6-digit code, nor below a sector BLS writes as a range ("31"). */
export function naicsChildCandidates(code: string): string[] {
  const stems = RANGES.has(code) ? Object.keys(RANGE_SECTORS).filter((s) => RANGE_SECTORS[s] === code) : code.length < 6 && !RANGE_SECTORS[code] ? [code] : [];
  return stems.flatMap((stem) => Array.from({ length: 10 }, (_, digit) => `${stem}${digit}`));
}

/** Every sector code, both ways of writing the range sectors ("31" and "31-33"). */
export function naicsSectorCodes(): string[] {
  return [...SECTORS, ...RANGES];
}

/** Every code above `code`, nearest first, up to its sector. */
export function naicsAncestors(code: string): string[] {
  const out: string[] = [];
  for (let p = naicsParent(code); p !== null; p = naicsParent(p)) out.push(p);
  return out;
}

/** Whether `code` is `ancestor` or lies within it. Both as BLS writes them. */
export function isWithin(code: string, ancestor: string): boolean {
  if (code === ancestor) return true;
  // Without building the ancestor list: overlap checks run this for every pair of codes.
  if (ancestor.includes("-")) return !code.includes("-") && RANGE_SECTORS[code.slice(0, 2)] === ancestor;
  return code.length > ancestor.length && code.startsWith(ancestor) && !code.includes("-");
}

export interface DedupedCodes {
  /** Normalised, each once, ancestors kept, in the order first listed. */
  codes: string[];
  /** Codes dropped because the list also holds one of their ancestors (or the same code twice). */
  dropped: { code: string; coveredBy: string }[];
}

/** Normalises a definition's codes and drops any code an ancestor in the same list already covers. */
export function dedupeCodes(codes: readonly string[]): DedupedCodes {
  const normalised = codes.map(normalizeNaicsCode);
  const listed = new Set(normalised);
  const seen = new Set<string>();
  const kept: string[] = [];
  const dropped: DedupedCodes["dropped"] = [];
  for (const code of normalised) {
    const ancestor = naicsAncestors(code).find((a) => listed.has(a));
    if (ancestor) dropped.push({ code, coveredBy: ancestor });
    else if (seen.has(code)) dropped.push({ code, coveredBy: code });
    else {
      seen.add(code);
      kept.push(code);
    }
  }
  return { codes: kept, dropped };
}

export interface CodeOverlap {
  /** The code from the first list and the code from the second. */
  a: string;
  b: string;
  /** The industries both lists count: the narrower of the two codes. */
  shared: string;
}

/** Where two code lists count the same industries: a code in one equal to, above or below a code in the other. For the admin UI's overlap warning. */
export function findOverlaps(a: readonly string[], b: readonly string[]): CodeOverlap[] {
  return overlapsBetween(dedupeCodes(a).codes, dedupeCodes(b).codes);
}

/** findOverlaps of two lists already deduplicated (dedupeCodes), so that comparing many lists pair by pair deduplicates each once. */
export function overlapsBetween(left: readonly string[], right: readonly string[]): CodeOverlap[] {
  const out: CodeOverlap[] = [];
  for (const x of left) {
    for (const y of right) {
      if (isWithin(x, y)) out.push({ a: x, b: y, shared: x });
      else if (isWithin(y, x)) out.push({ a: x, b: y, shared: y });
    }
  }
  return out;
}

/** The union of several code lists with descendants of listed codes dropped: every industry counted once. */
export function unionCodes(lists: readonly (readonly string[])[]): string[] {
  return dedupeCodes(lists.flat()).codes;
}
