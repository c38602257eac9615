import { describe, expect, it } from "vitest";
import { planDocumentSchema, type PlanDocument, type SectionDoc } from "@/lib/plans/document-schema";
import { sjvPlan2012, sjvSap2006 } from "./sjv-plans";

// Pins the transcription of the 2012 San Joaquin Valley Regional Industry
// Cluster Analysis and Action Plan (and its 2006 predecessor). Every expected
// value below was checked against the source text; see TRANSCRIPTION.md.

const allActions = (doc: PlanDocument) => {
  const out: PlanDocument["actions"] = [...doc.actions];
  const visit = (sections: SectionDoc[]) =>
    sections.forEach((s) => {
      out.push(...s.actions);
      visit(s.children);
    });
  visit(doc.sections);
  return out;
};

const cluster = (key: string) => {
  const s = sjvPlan2012.sections.find((x) => x.key === key);
  if (!s) throw new Error(`no section ${key}`);
  return s;
};

const findAction = (code: string) => {
  const a = allActions(sjvPlan2012).find((x) => x.code === code);
  if (!a) throw new Error(`no action ${code}`);
  return a;
};

const orgByName = (name: string) => sjvPlan2012.organizations.find((o) => o.name === name);

describe("sjvSap2006", () => {
  const doc = planDocumentSchema.parse(sjvSap2006);

  it("parses and is the archived 2006 SAP", () => {
    expect(doc.plan.slug).toBe("sjv-sap-2006");
    expect(doc.plan.status).toBe("archived");
    expect(doc.plan.periodStart).toBe("2006-01-01");
    expect(doc.plan.periodEnd).toBe("2011-12-31");
    expect(doc.plan.previousPlan).toBeNull();
    expect(doc.plan.title).toBe("The San Joaquin Valley: California’s 21st Century Opportunity");
  });

  it("has the five original clusters and nothing else", () => {
    expect(doc.sections.map((s) => s.title)).toEqual([
      "Agribusiness",
      "Health and Medical",
      "Manufacturing",
      "Renewable Energy",
      "Supply Chain Management and Logistics",
    ]);
    expect(doc.sections.every((s) => s.kind === "cluster")).toBe(true);
    expect(doc.sections.flatMap((s) => [...s.opportunities, ...s.actions, ...s.children])).toEqual([]);
    expect(doc.organizations).toEqual([]);
    expect(doc.partners).toEqual([]);
    expect(doc.workGroups).toEqual([]);
    expect(doc.actions).toEqual([]);
    expect(doc.targets).toEqual([]);
  });
});

describe("sjvPlan2012", () => {
  const doc = planDocumentSchema.parse(sjvPlan2012);

  it("parses and points back at the 2006 SAP", () => {
    expect(doc.plan.slug).toBe("sjv-2012");
    expect(doc.plan.status).toBe("active");
    expect(doc.plan.previousPlan).toBe(sjvSap2006.plan.slug);
    expect(doc.plan.periodStart).toBe("2012-09-01");
    expect(doc.plan.periodEnd).toBe("2017-12-31");
    expect(doc.plan.sourceUrl).toBe("http://www.sjvpartnership.org");
  });

  it("has 79 organizations, of which the 64 acknowledged ones are partners in printed order", () => {
    expect(doc.organizations).toHaveLength(79);
    expect(doc.partners).toHaveLength(64);
    expect(new Set(doc.partners).size).toBe(64);
    expect(doc.partners[0]).toBe("adventist-health");
    expect(doc.partners[30]).toBe("fresno-city-college"); // end of the left column
    expect(doc.partners[31]).toBe("reacon"); // start of the right column
    expect(doc.partners[63]).toBe("wib-tulare");
    // Organizations named only in actions / work groups are not partners.
    for (const key of ["oced", "sjv-partnership", "sjv-broadband-consortium", "csac", "calfor", "puc", "bluetech-valley"]) {
      expect(doc.organizations.some((o) => o.key === key)).toBe(true);
      expect(doc.partners).not.toContain(key);
    }
  });

  it("joins wrapped acknowledged names and splits off printed acronyms", () => {
    expect(orgByName("California Central Valley Economic Development Corp.")).toMatchObject({
      key: "ccvedc",
      acronym: "CCVEDC",
      type: "economic_development",
    });
    expect(orgByName("Central California Community Colleges Committed to Change")).toMatchObject({ key: "c6", acronym: "C6" });
    expect(orgByName("Cambridge Systematics, Inc./Jock O'Connell Consulting")).toMatchObject({ type: "consultant" });
    expect(orgByName("Central California Center of Excellence (Modesto Junior College)")).toMatchObject({ acronym: null });
    expect(orgByName("Water, Energy and Technology (WET) Center")).toMatchObject({ acronym: "WET Center" });
    expect(orgByName("Greater Stockton Chamber of Commerce/REACON")).toMatchObject({ key: "reacon", acronym: "REACON" });
    expect(doc.organizations.every((o) => o.website === null)).toBe(true);
  });

  it("has the 7 priority clusters in order", () => {
    expect(doc.sections.map((s) => [s.key, s.title, s.kind])).toEqual([
      ["agriculture", "Agriculture", "cluster"],
      ["energy", "Energy", "cluster"],
      ["health-wellness", "Health and Wellness", "cluster"],
      ["logistics", "Logistics", "cluster"],
      ["manufacturing", "Manufacturing", "cluster"],
      ["water-technology", "Water Technology", "cluster"],
      ["public-sector-infrastructure", "Public Sector Infrastructure", "cluster"],
    ]);
    expect(cluster("agriculture").children.map((c) => [c.title, c.kind])).toEqual([
      ["Production", "component"],
      ["Processing and packaging", "component"],
      ["Distribution", "component"],
      ["Support activities", "component"],
    ]);
    expect(doc.sections.slice(1).every((s) => s.children.length === 0)).toBe(true);
  });

  it("has 26 issues/opportunities split per cluster", () => {
    expect(doc.sections.map((s) => s.opportunities.length)).toEqual([1, 4, 7, 4, 4, 2, 4]);
    expect(doc.sections.reduce((n, s) => n + s.opportunities.length, 0)).toBe(26);
  });

  it("has 31 recommended actions split per cluster, coded in table order", () => {
    expect(doc.sections.map((s) => s.actions.length)).toEqual([1, 6, 10, 2, 5, 3, 4]);
    expect(doc.sections.reduce((n, s) => n + s.actions.length, 0)).toBe(31);
    expect(cluster("energy").actions.map((a) => a.code)).toEqual(["EN-1", "EN-2", "EN-3", "EN-4", "EN-5", "EN-6"]);
    expect(cluster("public-sector-infrastructure").actions.at(-1)?.code).toBe("PSI-4");
    expect(allActions(doc).every((a) => a.status === "not_started" && a.percentComplete === 0)).toBe(true);
  });

  it("has the 9 next steps as plan-level actions", () => {
    expect(doc.actions.map((a) => [a.code, a.title])).toEqual([
      ["NS-1", "Work Group Leads/Work Plans"],
      ["NS-2", "Health and Wellness Cluster Work Group"],
      ["NS-3", "Economic Development Targets"],
      ["NS-4", "Economic Development/Education/Workforce Coordination"],
      ["NS-5", "Public Sector Infrastructure/Logistics"],
      ["NS-6", "Work Group Coordination"],
      ["NS-7", "Regional/State Economic Summits"],
      ["NS-8", "Reporting Process"],
      ["NS-9", "Communications"],
    ]);
    expect(doc.actions.every((a) => a.champions.some((c) => c.organization === "oced" && c.role === "lead"))).toBe(true);
    expect(doc.actions.map((a) => a.workGroup)).toEqual([null, "health-wellness-wg", null, null, null, null, null, null, null]);
  });

  it("has the 23 leakage targets totalling $7,874,934,000", () => {
    expect(doc.targets).toHaveLength(23);
    expect(doc.targets.reduce((sum, t) => sum + t.marketSupportUsd, 0)).toBe(7_874_934_000);
    expect(doc.targets[0]).toEqual({
      description: "Lessors of nonfinancial intangible assets",
      marketSupportUsd: 712_685_000,
      source: "IMPLAN 3 I-O Model, ADE",
      sections: [],
    });
    expect(doc.targets[14]).toMatchObject({ description: "Paperboard Mills", marketSupportUsd: 257_934_000 });
    expect(doc.targets[22]).toMatchObject({
      description: "Architectural, engineering, and related services",
      marketSupportUsd: 165_780_000,
      sections: ["public-sector-infrastructure"],
    });
    expect(doc.targets.find((t) => t.description === "Oilseed farming")?.sections).toEqual(["agriculture", "energy"]);
    expect(doc.targets.filter((t) => t.sections.includes("manufacturing"))).toHaveLength(15);
    expect(doc.targets.filter((t) => t.sections.length === 0)).toHaveLength(4);
  });

  it("has the 5 work groups the document names", () => {
    expect(doc.workGroups.map((g) => [g.key, g.leadOrganization, g.status, g.sections])).toEqual([
      ["health-wellness-wg", "oced", "reorganizing", ["health-wellness"]],
      ["advanced-communications-wg", "oced", "active", []],
      ["housing-wg", "oced", "active", []],
      ["sustainable-communities-wg", null, "active", ["logistics"]],
      ["energy-wg", "sjv-clean-energy", "active", ["energy"]],
    ]);
    expect(cluster("health-wellness").actions.every((a) => a.workGroup === "health-wellness-wg")).toBe(true);
    expect(cluster("energy").actions.every((a) => a.workGroup === "energy-wg")).toBe(true);
  });

  it("links champions with lead only where the text designates one", () => {
    expect(findAction("EN-1").champions).toEqual([{ organization: "sjv-clean-energy", role: "lead" }]);
    expect(findAction("MF-5").champions).toEqual([{ organization: "reacon", role: "lead" }]);
    expect(findAction("PSI-1").champions).toEqual([{ organization: "ccwc", role: "lead" }]);
    expect(findAction("LO-1").champions).toEqual([
      { organization: "regional-policy-council", role: "partner" },
      { organization: "sjv-apcd", role: "partner" },
      { organization: "ccvedc", role: "partner" },
      { organization: "caltrans-d6", role: "partner" },
    ]);
    expect(findAction("EN-4").champions).toHaveLength(7);
    expect(findAction("NS-4").champions.map((c) => c.organization)).toEqual([
      "oced",
      "ccvedc",
      "ccwc",
      "central-region-consortium",
      "c6",
      "cwib",
      "lwda",
      "chancellors-office",
      "etp",
      "us-dol",
    ]);
  });

  it("keeps text verbatim", () => {
    expect(cluster("energy").opportunities[1]).toBe(
      "Conditional Use permits vary by county – frustrating for international companies willing to invest in the Valley; results in project delays or cancellations",
    );
    expect(cluster("energy").opportunities[0]).toBe(
      "Regional focus on cluster development & coordination needed; opportunity to develop biofuels; better define cluster components",
    );
    expect(cluster("logistics").opportunities[1]).toBe("Foreign Trade Zones underutilized");
    expect(cluster("health-wellness").opportunities[1]).toBe(
      "Need for consistent and regionalized standards and curriculum for same occupations/certificates, & for transferability of credits from Community Colleges to CSUs",
    );
    expect(findAction("AG-1").text).toBe(
      "All actions have designated champions and recommended actions; Partnership & OCED are tracking progress. See www.sjvpartnership.org",
    );
    expect(findAction("MF-5").text).toBe(
      "Do policy advocacy (coordinated by REACON) on increase markets for recycling in California (Recycling BIN – Build Infrastructure Now)",
    );
    expect(findAction("EN-6").text).toBe("See Regional Economic Summit Strategy recommendations");
    expect(findAction("HW-7").text).toBe(
      "Coordinate with SJV Regional Broadband Consortium, employer networks like Central Valley Health Network, WIBs, etc. for e-health",
    );
    expect(findAction("NS-5").text).toBe(
      "OCED should convene the CCWC, the SJV Regional Policy Council, CCVEDC, Caltrans, labor, and other partners to link the interregional goods movement planning process and CCWC’s Public Sector Infrastructure Workforce Plan, including for identification of project funding priorities, funding sources for construction projects, and workforce development needs. Leverage the new Economic Development District.",
    );
    expect(findAction("NS-8").text).toBe(
      "OCED should develop a process to report on Cluster Action Plan activities, metrics and progress to the Partnership’s Executive Committee on an ongoing basis. The growth of the clusters should be tracked as an annual metric.",
    );
    expect(doc.targets[17]).toMatchObject({
      description: "Metal can, box, and other metal container (light gauge) manufacturing",
      marketSupportUsd: 222_663_000,
    });
    expect(orgByName("Central California Workforce Collaborative")?.acronym).toBe("CCWC");
    expect(orgByName("Council on Adult and Experiential Learning")).toBeDefined();
  });
});
