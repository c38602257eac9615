import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { sjvPlan2012 } from "@/db/seed/sjv-plans";
import { qcew2016SjvFiles } from "@/lib/test/qcew-files";
import { isWithin } from "./naics";
import {
  SJV_CLUSTER_DEFINITIONS,
  clusterCodes,
  startingOverlaps,
  type ClusterOverlap,
} from "./sjv-clusters";

// Checks the starting cluster definitions: their shape, that they match the
// seeded sections, and that every code and title is a real one in the 2016 BLS
// QCEW files of the 8 Valley counties (lib/analytics/fixtures/README.md).


/**
 * The cross-cluster overlaps, on purpose. Scientific R&D is in Energy and in
 * Health and Wellness because the plan names “Research and scientific
 * consulting services” as “a growth opportunity in both the Energy and Health
 * and Wellness Clusters”. Any other overlap is a mistake or needs a reason here.
 */
const EXPECTED_OVERLAPS: ClusterOverlap[] = [
  { section: "energy", code: "54171", otherSection: "health-wellness", otherCode: "54171" },
];

describe("SJV_CLUSTER_DEFINITIONS", () => {
  it("defines the 7 clusters of the seeded 2012 plan, under their section keys and titles, in the plan's order", () => {
    const seeded = sjvPlan2012.sections.filter((s) => s.kind === "cluster").map((s) => [s.key, s.title]);
    expect(SJV_CLUSTER_DEFINITIONS.map((d) => [d.section, d.name])).toEqual(seeded);
    expect(seeded).toHaveLength(7);
  });

  it("marks every definition as an editable starting point with a note", () => {
    for (const d of SJV_CLUSTER_DEFINITIONS) {
      expect(d.status).toBe("starting point");
      expect(d.note.length).toBeGreaterThan(100);
      expect(d.components.length).toBeGreaterThan(0);
    }
  });

  it("links components to the seeded component sections where the plan has them (Agriculture's value chain)", () => {
    for (const d of SJV_CLUSTER_DEFINITIONS) {
      const seeded = sjvPlan2012.sections.find((s) => s.key === d.section)!;
      const children = new Map(seeded.children.map((s) => [s.key, s.title]));
      const linked = d.components.filter((c) => c.section !== null);
      expect(linked.map((c) => [c.section, c.name])).toEqual([...children.entries()]);
    }
    const agriculture = SJV_CLUSTER_DEFINITIONS.find((d) => d.section === "agriculture")!;
    expect(agriculture.components.map((c) => c.name)).toEqual([
      "Production",
      "Processing and packaging",
      "Distribution",
      "Support activities",
    ]);
  });

  it("uses NAICS codes of 3 to 6 digits with a title, and no empty component", () => {
    for (const d of SJV_CLUSTER_DEFINITIONS) {
      for (const component of d.components) {
        expect(component.codes.length, `${d.section} / ${component.name}`).toBeGreaterThan(0);
        for (const { code, title } of component.codes) {
          expect(code).toMatch(/^\d{3,6}$/);
          expect(title.trim()).toBe(title);
          expect(title).not.toBe("");
        }
      }
    }
  });

  it("has no code twice within a cluster (across its components too)", () => {
    for (const d of SJV_CLUSTER_DEFINITIONS) {
      const all = d.components.flatMap((c) => c.codes.map((x) => x.code));
      const duplicates = all.filter((code, i) => all.indexOf(code) !== i);
      expect(duplicates, d.section).toEqual([]);
    }
  });

  it("has no code listed together with its own ancestor within a cluster", () => {
    for (const d of SJV_CLUSTER_DEFINITIONS) {
      const codes = clusterCodes(d).map((x) => x.code);
      const nested = codes.flatMap((a) => codes.filter((b) => a !== b && isWithin(b, a)).map((b) => `${b} under ${a}`));
      expect(nested, d.section).toEqual([]);
    }
  });

  it("overlaps between clusters only where the expected list says so", () => {
    expect(startingOverlaps(SJV_CLUSTER_DEFINITIONS)).toEqual(EXPECTED_OVERLAPS);
  });

  it("unions a cluster's components in order", () => {
    const energy = SJV_CLUSTER_DEFINITIONS.find((d) => d.section === "energy")!;
    const codes = clusterCodes(energy).map((x) => x.code);
    expect(codes[0]).toBe("2111");
    expect(codes.at(-1)).toBe("54171");
    expect(codes).toHaveLength(energy.components.reduce((n, c) => n + c.codes.length, 0));
  });
});

describe("SJV_CLUSTER_DEFINITIONS against the 2016 BLS QCEW files of the 8 counties", () => {
  /** industry_code → industry_title without its code, over all 8 files. */
  const titles = new Map<string, string>();

  beforeAll(() => {
    for (const file of qcew2016SjvFiles()) {
      const rows: { code: string; title: string }[] = parse(readFileSync(file), {
        columns: true,
        on_record: (r: { industry_code: string; industry_title: string }) => ({ code: r.industry_code, title: r.industry_title }),
      });
      for (const { code, title } of rows) {
        // "NAICS 1111 Oilseed and grain farming", "NAICS12 4521 Department stores", "10 Total, all industries"
        const prefix = new RegExp(`^(NAICS\\d* )?${code.replace("-", "\\-")} `);
        if (!prefix.test(title)) throw new Error(`${file}: unexpected title ${JSON.stringify(title)} for ${code}`);
        const bare = title.replace(prefix, "");
        const known = titles.get(code);
        if (known !== undefined && known !== bare) throw new Error(`${code} has two titles: ${known} / ${bare}`);
        titles.set(code, bare);
      }
    }
  }, 60_000);

  it("reads the whole industry list (about 2,000 codes, down to 6 digits)", () => {
    expect(titles.size).toBeGreaterThan(1500);
    expect(titles.get("1111")).toBe("Oilseed and grain farming");
    expect(titles.get("31-33")).toBe("Manufacturing");
  });

  it("uses only codes that appear in at least one county file", () => {
    const missing = SJV_CLUSTER_DEFINITIONS.flatMap((d) =>
      clusterCodes(d)
        .filter((x) => !titles.has(x.code))
        .map((x) => `${d.section}: ${x.code}`),
    );
    expect(missing).toEqual([]);
  });

  it("uses BLS's titles", () => {
    const wrong = SJV_CLUSTER_DEFINITIONS.flatMap((d) =>
      d.components.flatMap((c) =>
        c.codes.filter((x) => titles.get(x.code) !== x.title).map((x) => `${x.code}: ${x.title} ≠ ${titles.get(x.code)}`),
      ),
    );
    expect(wrong).toEqual([]);
  });

  it("counts every manufacturing industry in the files in exactly one cluster (Manufacturing holds what the others do not claim)", () => {
    const manufacturing = [...titles.keys()].filter((code) => /^3[1-3]\d{4}$/.test(code));
    expect(manufacturing.length).toBeGreaterThan(200);
    const problems = manufacturing.flatMap((code) => {
      const owners = SJV_CLUSTER_DEFINITIONS.filter((d) => clusterCodes(d).some((x) => isWithin(code, x.code)));
      return owners.length === 1 ? [] : [`${code} ${titles.get(code)}: ${owners.map((d) => d.section).join(", ") || "no cluster"}`];
    });
    expect(problems).toEqual([]);
  });
});
