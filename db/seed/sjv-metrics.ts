import type { MetricDoc } from "@/lib/plans/document-schema";

// Default metrics of the 2012 SJV plan, from 001_c8d9b1e69378294a.txt. Quoted
// text is verbatim (the "\" before "$" dropped, as everywhere in the seed);
// TRANSCRIPTION.md records the judgement calls (dates, units, owner).

const PLAN_DOCUMENT =
  "San Joaquin Valley Regional Industry Cluster Analysis and Action Plan (Applied Development Economics for OCED, California State University, Fresno, on behalf of the California Partnership for the San Joaquin Valley), September 2012";

const base = {
  description: null,
  section: null,
  action: null,
  workGroup: null,
  unitLabel: null,
  direction: "up",
  target: null,
  interimTargets: [],
  tolerancePercent: 10,
  frequency: "annual",
  owner: "oced",
  ownerPerson: null,
  retiredAt: null,
  measurements: [],
} satisfies Partial<MetricDoc>;

// Next step 8: "The growth of the clusters should be tracked as an annual metric."
const NEXT_STEP_8 =
  "“The growth of the clusters should be tracked as an annual metric.” (Next Step 8, Reporting Process: “OCED should develop a process to report on Cluster Action Plan activities, metrics and progress to the Partnership’s Executive Committee on an ongoing basis.”)";

const clusterEmployment = (section: string, title: string): MetricDoc => ({
  ...base,
  key: `${section}-employment`,
  name: `${title} cluster employment`,
  description: NEXT_STEP_8,
  scope: "section",
  section,
  unit: "jobs",
  baseline: null,
  source: "County employment data for the cluster’s industries (to be entered)",
  method:
    "Annual average employment in the cluster’s industries, summed over the eight Valley counties (Fresno, Kern, Kings, Madera, Merced, San Joaquin, Stanislaus and Tulare). Values stay empty until they are entered or imported.",
});

export const sjvMetrics: MetricDoc[] = [
  clusterEmployment("agriculture", "Agriculture"),
  clusterEmployment("energy", "Energy"),
  clusterEmployment("health-wellness", "Health and Wellness"),
  clusterEmployment("logistics", "Logistics"),
  clusterEmployment("manufacturing", "Manufacturing"),
  clusterEmployment("water-technology", "Water Technology"),
  clusterEmployment("public-sector-infrastructure", "Public Sector Infrastructure"),
  {
    ...base,
    key: "valley-gdp",
    name: "Valley Gross Domestic Product (GDP)",
    description:
      "“Recent estimates place the Gross Domestic Product (GDP) of the Valley at $140 billion” (Importance of the Clusters). The document does not give the year the estimate measures; the baseline date is the month of the cited source.",
    scope: "plan",
    unit: "usd",
    baseline: { date: "2012-09-30", value: 140_000_000_000 },
    source: "Center for Continuing Study of the California Economy, Numbers in the News, September 2012 (footnote 2), cited in the " + PLAN_DOCUMENT,
    method: null,
  },
  {
    ...base,
    key: "valley-industry-output",
    name: "Total industry production (output) of the Valley",
    description: "“total industry production including intermediate and final goods at $228.6 billion in 2010” (Importance of the Clusters).",
    scope: "plan",
    unit: "usd",
    baseline: { date: "2010-12-31", value: 228_600_000_000 },
    source: "Calculated by ADE from the IMPLAN3 input-output model used for the cluster analysis (footnote 2), in the " + PLAN_DOCUMENT,
    method: null,
  },
  {
    ...base,
    key: "cluster-share-of-employment",
    name: "Priority clusters’ share of total employment",
    description:
      "“The analysis indicates that as of 2010, these clusters (with the exception of public sector infrastructure, for which information was provided in a separate analysis sponsored by the Central California Workforce Collaborative) represent about 41 percent of total employment in the region” (Importance of the Clusters).",
    scope: "plan",
    unit: "percent",
    baseline: { date: "2010-12-31", value: 41 },
    source: "ADE cluster analysis, in the " + PLAN_DOCUMENT,
    method: "Excludes public sector infrastructure, as the document states. “About” 41 percent: the document rounds.",
  },
  {
    ...base,
    key: "cluster-share-of-private-job-growth",
    name: "Priority clusters’ share of private-sector job growth, 2001–2010",
    description: "“but during the 2001-2010 period were responsible for 73 percent of private sector job growth” (Importance of the Clusters).",
    scope: "plan",
    unit: "percent",
    baseline: { date: "2010-12-31", value: 73 },
    source: "ADE cluster analysis, in the " + PLAN_DOCUMENT,
    method: "Share of the Valley’s private-sector job growth over 2001–2010 (the baseline date is the end of that span). Excludes public sector infrastructure.",
  },
];
