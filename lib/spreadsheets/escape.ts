// Formula ("CSV") injection: a spreadsheet program treats a cell that starts
// with = + - @ (or a tab or carriage return before one of them) as a formula,
// which can run commands or send data away when the file is opened. Following
// the OWASP guidance, every text cell of an exported CSV that starts with one
// of these characters gets a leading apostrophe, which the program shows as
// text. (XLSX cells are typed: our strings are written as string cells, never
// formulas, so they need no prefix; see write.ts.)
// https://owasp.org/www-community/attacks/CSV_Injection

const FORMULA_START = /^[=+\-@\t\r]/;
// Text that already looks escaped ("'=1") gets one more apostrophe, so that
// unescapeFormula() gives back exactly what was written.
const ESCAPED_START = /^'+[=+\-@\t\r]/;

export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) || ESCAPED_START.test(text) ? `'${text}` : text;
}

// The import's side: a CSV cell we escaped on the way out ("'=1+2", "'-3 jobs")
// reads back as the text it was, so a downloaded file can be imported again
// without its cells gaining apostrophes.
export function unescapeFormula(text: string): string {
  return ESCAPED_START.test(text) ? text.slice(1) : text;
}
