import { isNaicsCode, RANGE_SECTORS } from "./naics";

// The text areas of the definition and region forms: codes one per line or
// separated by commas, each optionally followed by a title that is ignored
// ("311421 Fruit and vegetable canning, pickling, and drying"). A title may
// hold commas; a piece after a comma continues the title only when the piece
// before it had one, so "111, 11x" still reports 11x instead of hiding it.

export interface ListedCode {
  code: string;
  /** 1-based line of the text area, for error messages. */
  line: number;
  /** As typed, when normalising changed it ("31" saved as "31-33"). */
  typed: string;
}

export interface ParsedList {
  items: ListedCode[];
  errors: string[];
}

const CODE_LIKE = /^\d+(-\d+)?$/;

/** Splits a text area into its code tokens with their lines; `codeLike` says whether a word is meant as a code. */
function tokens(text: string, codeLike: (t: string) => boolean): { token: string; line: number; valid: boolean }[] {
  const out: { token: string; line: number; valid: boolean }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    let inTitle = false;
    for (const piece of raw.split(/[,;]/)) {
      const words = piece.trim().split(/\s+/).filter(Boolean);
      if (words.length === 0) continue;
      if (!codeLike(words[0]!)) {
        if (inTitle) continue;
        out.push({ token: words[0]!, line, valid: false });
        continue;
      }
      // Leading codes, then the title: "111 112 Cattle" lists 111 and 112.
      let n = 0;
      while (n < words.length && codeLike(words[n]!)) out.push({ token: words[n++]!, line, valid: true });
      inTitle = n < words.length;
    }
  });
  return out;
}

/**
 * NAICS codes of 2 to 6 digits or BLS's range sectors, normalised as BLS
 * writes them ("31" → "31-33", which is how the files carry manufacturing).
 */
export function parseNaicsList(text: string): ParsedList {
  const items: ListedCode[] = [];
  const errors: string[] = [];
  for (const { token, line, valid } of tokens(text, (t) => CODE_LIKE.test(t))) {
    if (!valid || !isNaicsCode(token)) {
      errors.push(`Line ${line}: “${token}” is not a NAICS code. Use 2 to 6 digits of a NAICS sector (such as 11, 3114 or 311421), or a BLS range sector (31-33, 44-45, 48-49).`);
      continue;
    }
    items.push({ code: RANGE_SECTORS[token] ?? token, line, typed: token });
  }
  return { items, errors };
}

const AREA_LIKE = /^[0-9A-Z]{5}$/;

/** BLS area codes: five digits or capital letters ("06019", "US000", "C1018"); lower case is read as upper. */
export function parseAreaList(text: string): ParsedList {
  const items: ListedCode[] = [];
  const errors: string[] = [];
  // Lower case counts only with a digit in it ("us000"), so a title's "Kings" is never read as KINGS.
  for (const { token, line, valid } of tokens(text, (t) => AREA_LIKE.test(t) || (/\d/.test(t) && AREA_LIKE.test(t.toUpperCase())))) {
    if (!valid) {
      errors.push(`Line ${line}: “${token}” is not a BLS area code. Use five digits or capital letters, such as 06019 (a county), 06000 (a state) or US000 (the nation).`);
      continue;
    }
    items.push({ code: token.toUpperCase(), line, typed: token });
  }
  return { items, errors };
}
