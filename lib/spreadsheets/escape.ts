// Formula ("CSV") injection: a spreadsheet program treats a cell that starts
// with = + - @ (or a tab or carriage return before one of them) as a formula,
// which can run commands or send data away when the file is opened. Following
// the OWASP guidance, every text cell of an exported CSV that starts with one
// of these characters gets a leading apostrophe, which the program shows as
// text. (XLSX cells are typed: our strings are written as string cells, never
// formulas, so they need no prefix; see write.ts.)
// https://owasp.org/www-community/attacks/CSV_Injection

const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
