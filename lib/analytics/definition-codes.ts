import type { FieldErrors } from "@/lib/errors";
import { parseNaicsList } from "./code-list";
import type { SaveClusterDefinitionInput } from "./definition-schema";
import { naicsAncestors } from "./naics";

// A definition form's code lists checked together, as one cluster: each code
// once (the database holds a code once per cluster, whichever component lists
// it), and never together with its own ancestor, which already holds its jobs.
// Both are refused rather than silently dropped, so the admin decides which
// of the two to keep; each error names the code, its line and the other listing.

export const MAX_CODES = 500;

export interface DefinitionCodes {
  /** In the order saved: the cluster-wide codes, then each component's. */
  codes: { code: string; component: string }[];
  /** Said back after a save: "31 saved as 31-33, as BLS writes manufacturing". */
  notes: string[];
  errors: FieldErrors | null;
}

interface Where {
  field: string;
  /** "the cluster as a whole" or "Production". */
  list: string;
  line: number;
  component: string;
}

export function readDefinitionCodes(data: Pick<SaveClusterDefinitionInput, "codes" | "components">): DefinitionCodes {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  const lists = [{ field: "codes", name: "", text: data.codes }];
  const names = new Map<string, number>();
  for (const c of data.components) {
    const field = `components.${c.index}`;
    if (!c.name && !c.codes.trim()) continue;
    if (!c.name) {
      add(`${field}.name`, "Name this component, or move its codes to the cluster as a whole.");
      continue;
    }
    const key = c.name.toLowerCase();
    if (names.has(key)) {
      add(`${field}.name`, `Another component is already named “${c.name}”; use one component per name.`);
      continue;
    }
    names.set(key, c.index);
    // A named component without codes is dropped: that is how a component is removed.
    lists.push({ field: `${field}.codes`, name: c.name, text: c.codes });
  }

  const seen = new Map<string, Where>();
  const notes: string[] = [];
  const codes: DefinitionCodes["codes"] = [];
  for (const list of lists) {
    const parsed = parseNaicsList(list.text);
    for (const message of parsed.errors) add(list.field, message);
    for (const item of parsed.items) {
      const here: Where = { field: list.field, list: list.name || "the cluster as a whole", line: item.line, component: list.name };
      const first = seen.get(item.code);
      if (first) {
        add(list.field, `Line ${item.line}: ${item.code} is already listed ${first.field === list.field ? `on line ${first.line}` : `in ${first.list}, line ${first.line}`}. A code counts once in a cluster; keep one.`);
        continue;
      }
      seen.set(item.code, here);
      codes.push({ code: item.code, component: list.name });
      if (item.typed !== item.code) notes.push(`${item.typed} was saved as ${item.code}, the form in which BLS publishes that sector.`);
    }
  }
  // Ancestors checked once every list is read, so their order does not matter.
  for (const [code, where] of seen) {
    const ancestor = naicsAncestors(code).find((a) => seen.has(a));
    if (!ancestor) continue;
    const above = seen.get(ancestor)!;
    add(where.field, `Line ${where.line}: ${code} lies inside ${ancestor} (${above.field === where.field ? `line ${above.line}` : `${above.list}, line ${above.line}`}), which already counts its jobs. List one or the other.`);
  }
  if (!Object.keys(errors).length && codes.length === 0) add("codes", "List at least one code. To stop this section being a cluster, remove its definition instead.");
  if (codes.length > MAX_CODES) add("codes", `A cluster can list at most ${MAX_CODES} codes.`);
  return { codes, notes, errors: Object.keys(errors).length ? errors : null };
}
