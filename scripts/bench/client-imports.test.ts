import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// First-load JS (js-size.ts) grows with everything a "use client" file
// imports, transitively. A client form importing a constant from a module
// that also builds zod schemas once put all of zod (~32 kB gzipped) on the
// action page. This walks the static imports of every client file and names
// any server-side package it reaches, long before `npm run bench` would.

const ROOT = path.resolve(import.meta.dirname, "../..");
const SERVER_ONLY = ["zod", "drizzle-orm", "better-sqlite3", "marked", "sanitize-html", "exceljs", "pdfkit", "fontkit", "csv-parse", "csv-stringify", "fflate", "file-type", "ical-generator", "nodemailer", "@node-rs/argon2"];
const EXTENSIONS = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];

// Static imports and re-exports that reach the bundle: `import type` and
// `export type` are erased, so they are skipped.
function importsOf(source: string): string[] {
  const specs: string[] = [];
  for (const m of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?["']([^"']+)["']/gm)) if (!m[1]) specs.push(m[2]!);
  return specs;
}

function resolveLocal(spec: string, from: string): string | null {
  const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const ext of EXTENSIONS) if (fs.existsSync(base + ext) && fs.statSync(base + ext).isFile()) return base + ext;
  throw new Error(`${path.relative(ROOT, from)}: cannot resolve ${spec}`);
}

const packageOf = (spec: string) => spec.split("/").slice(0, spec.startsWith("@") ? 2 : 1).join("/");

// Every server-side package reached from `entry`, with the chain of files that reaches it.
function serverPackagesReached(entry: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = fs.readFileSync(file, "utf8");
    // A "use server" module reaches the browser only as references to its actions.
    if (file !== entry && /^\s*["']use server["']/.test(source)) return;
    const here = [...chain, path.relative(ROOT, file)];
    for (const spec of importsOf(source)) {
      if (spec.startsWith("node:") || SERVER_ONLY.includes(packageOf(spec))) found.push(`${[...here, spec].join(" → ")}`);
      const local = resolveLocal(spec, file);
      if (local) walk(local, here);
    }
  };
  walk(entry, []);
  return found;
}

function clientFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f)).map((f) => path.join(dir, f)).filter((f) => /^\s*["']use client["']/.test(fs.readFileSync(f, "utf8")));
}

describe("client components", () => {
  const files = ["app", "components", "lib"].flatMap((d) => clientFiles(path.join(ROOT, d)));

  it("finds the client components to check", () => {
    expect(files.map((f) => path.relative(ROOT, f))).toContain("components/updates/attachment-input.tsx");
  });

  it("import no server-side package, not even through a shared module", () => {
    expect(files.flatMap(serverPackagesReached)).toEqual([]);
  });

  it("would notice a client file reaching zod through a schema module", () => {
    // lib/attachments/schema.ts builds zod schemas; the client imports ./limits.ts instead.
    expect(serverPackagesReached(path.join(ROOT, "lib/attachments/schema.ts"))).toEqual(["lib/attachments/schema.ts → zod"]);
  });
});
