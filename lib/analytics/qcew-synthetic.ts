import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { BLS_ANNUAL_COLUMNS } from "./qcew-layouts";

// A synthetic BLS QCEW annual file for benchmarks: BLS's exact annual layout
// and quoting, codes shaped like the national file's (the nation, states,
// MSAs and counties; every ownership; the NAICS tree from the all-industry
// total down to 6 digits at the right aggregation levels; about a third of
// the detailed cells suppressed), deterministic figures. Written as a stream,
// so a 3.5-million-row file (about 1 GB) needs no memory to speak of.

export interface SyntheticAnnualOptions {
  rows: number;
  year?: number;
  /** false: the "singlefile" variant, without the five title columns. */
  titles?: boolean;
  /** true: the pre-2017 column names ("annual_avg_estabs_count"). */
  legacyNames?: boolean;
}

const SECTORS = ["11", "21", "22", "23", "31-33", "42", "44-45", "48-49", "51", "52", "53", "54", "55", "56", "61", "62", "71", "72", "81", "92", "99"];
const SUPERSECTORS = ["1011", "1012", "1013", "1021", "1022", "1023", "1024", "1025", "1026", "1027", "1028", "1029"];
const OWN_TITLES = ["Total Covered", "Federal Government", "State Government", "Local Government", "International Government", "Private"];
const DIGITS_TITLE = ["", "", "", "", "NAICS sector", "NAICS 3-digit", "NAICS 4-digit", "NAICS 5-digit", "NAICS 6-digit"];

interface Industry {
  code: string;
  /** The last digit of agglvl_code: 1 all industries, 2 domain, 3 supersector, 4-8 NAICS digits. */
  depth: number;
}

// The private-sector tree: per sector three 3-digit industries, three 4-digit
// under each, two 5-digit under those, and one 6-digit under each 5-digit
// (about 1,100 industries, as many as a large county publishes).
function industryTree(): Industry[] {
  const tree: Industry[] = [{ code: "10", depth: 1 }, { code: "101", depth: 2 }, { code: "102", depth: 2 }];
  for (const code of SUPERSECTORS) tree.push({ code, depth: 3 });
  for (const sector of SECTORS) {
    tree.push({ code: sector, depth: 4 });
    const prefix = sector.slice(0, 2);
    for (let a = 1; a <= 3; a++) {
      const three = `${prefix}${a}`;
      tree.push({ code: three, depth: 5 });
      for (let b = 1; b <= 3; b++) {
        const four = `${three}${b}`;
        tree.push({ code: four, depth: 6 });
        for (let c = 1; c <= 2; c++) tree.push({ code: `${four}${c}`, depth: 7 }, { code: `${four}${c}0`, depth: 8 });
      }
    }
  }
  return tree;
}

interface Area {
  code: string;
  title: string;
  /** agglvl_code's tens: 1 nation, 4 MSA, 5 state, 7 county. */
  family: number;
}

function* areas(): Generator<Area> {
  yield { code: "US000", title: "U.S. TOTAL", family: 1 };
  for (let state = 1; state <= 56; state++) yield { code: `${String(state).padStart(2, "0")}000`, title: `State ${state} -- Statewide`, family: 5 };
  for (let msa = 0; msa < 400; msa++) yield { code: `C${1010 + msa * 10}`, title: `Metro area ${msa + 1} MSA`, family: 4 };
  for (let county = 1; county < 1000; county += 2) {
    for (let state = 1; state <= 56; state++) yield { code: `${String(state).padStart(2, "0")}${String(county).padStart(3, "0")}`, title: `County ${county}, State ${state}`, family: 7 };
  }
}

// A small deterministic hash (xorshift-multiply), so the same row index always gives the same figures.
function hash(n: number): number {
  let x = (n ^ 0x9e3779b9) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

export function syntheticAnnualHeader(options: Pick<SyntheticAnnualOptions, "titles" | "legacyNames">): string[] {
  const columns = BLS_ANNUAL_COLUMNS.filter((column) => options.titles !== false || !column.endsWith("_title"));
  return options.legacyNames ? columns.map((column) => column.replace("estabs", "estabs_count")) : columns;
}

/** The file's lines (header first), without line ends. */
export function* syntheticAnnualLines(options: SyntheticAnnualOptions): Generator<string> {
  const firstYear = options.year ?? 2016;
  const titles = options.titles !== false;
  yield syntheticAnnualHeader(options).map((column) => `"${column}"`).join(",");
  const tree = industryTree();
  let written = 0;
  // One pass over the areas gives about 40 million rows; past that the next year follows.
  for (let year = firstYear; ; year++) {
    for (const area of areas()) {
      for (const own of [0, 1, 2, 3, 5]) {
        // Total covered has only the all-industry row; government publishes a thin slice of the tree.
        const industries = own === 0 ? tree.slice(0, 1) : own === 5 ? tree : tree.filter((_, i) => i % 9 === 0);
        for (const industry of industries) {
          if (written === options.rows) return;
          const h = hash(written);
          const level = area.family * 10 + (own === 0 ? 0 : industry.depth);
          const suppressed = industry.depth >= 5 && h % 3 === 0;
          const estabs = 1 + (h % 5000);
          const employment = suppressed ? 0 : estabs * (1 + (h % 37));
          const wages = suppressed ? 0 : employment * (30000 + (h % 40000));
          const weekly = employment === 0 ? 0 : Math.round(wages / employment / 52);
          const keys = `"${area.code}","${own}","${industry.code}","${level}","0","${year}","A","${suppressed ? "N" : ""}"`;
          const named = titles
            ? `,"${area.title}","${OWN_TITLES[own]}","${industry.depth >= 4 ? `NAICS ${industry.code} Industry ${industry.code}` : `${industry.code} Aggregate ${industry.code}`}","${DIGITS_TITLE[industry.depth] || "Total"} -- by ownership sector","All establishment sizes"`
            : "";
          const figures = `,${estabs},${employment},${wages},${Math.round(wages * 0.3)},${Math.round(wages * 0.004)},${weekly},${weekly * 52}`;
          const lq = suppressed ? `,"N",${((h % 300) / 100).toFixed(2)},0,0,0,0,0,0` : `,"",${((h % 300) / 100).toFixed(2)},1.02,0.97,1.10,0.88,1.01,1.01`;
          const oty = `,"",${(h % 21) - 10},${((h % 201) - 100) / 10},${(h % 401) - 200},-1.5,${(h % 100001) - 50000},2.5,1200,0.3,-35,-0.8,12,1.1,640,1.2`;
          yield keys + named + figures + lq + oty;
          written++;
        }
      }
    }
  }
}

/** Writes the file (CRLF line ends, as BLS's) to path, honouring backpressure; returns its size. */
export async function writeSyntheticAnnualFile(path: string, options: SyntheticAnnualOptions): Promise<{ rows: number; bytes: number }> {
  const out = createWriteStream(path);
  let batch: string[] = [];
  const flush = async () => {
    if (!out.write(batch.join(""))) await once(out, "drain");
    batch = [];
  };
  for (const line of syntheticAnnualLines(options)) {
    batch.push(line, "\r\n");
    if (batch.length >= 2000) await flush();
  }
  await flush();
  out.end();
  await once(out, "finish");
  return { rows: options.rows, bytes: out.bytesWritten };
}
