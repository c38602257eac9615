import type { PlanDocument } from "@/lib/plans/document-schema";
import { sjvMetrics } from "./sjv-metrics";

// The default San Joaquin Valley data set, transcribed from the customer's
// source documents (see TRANSCRIPTION.md in this folder for the rules and
// every judgement call). Text is verbatim from the source unless noted there.

type OrganizationDoc = PlanDocument["organizations"][number];
type ActionDoc = PlanDocument["actions"][number];
type ChampionDoc = ActionDoc["champions"][number];
type SectionDoc = PlanDocument["sections"][number];
type TargetDoc = PlanDocument["targets"][number];

const FORMAT = "cluster-action-tracker/plan" as const;
const VERSION = 3 as const;

const org = (
  key: string,
  name: string,
  acronym: string | null,
  type: OrganizationDoc["type"],
): OrganizationDoc => ({ key, name, acronym, type, website: null });

const lead = (organization: string): ChampionDoc => ({ organization, role: "lead" });
const partner = (organization: string): ChampionDoc => ({ organization, role: "partner" });

const action = (
  code: string,
  text: string,
  champions: ChampionDoc[] = [],
  workGroup: string | null = null,
  title: string | null = null,
): ActionDoc => ({
  code,
  title,
  text,
  workGroup,
  champions,
  leadPerson: null,
  status: "not_started",
  percentComplete: 0,
  isPriority: false,
  startDate: null,
  dueDate: null,
  retiredAt: null,
});

const section = (
  key: string,
  kind: SectionDoc["kind"],
  title: string,
  description: string | null,
  opportunities: string[] = [],
  actions: ActionDoc[] = [],
  children: SectionDoc[] = [],
): SectionDoc => ({ key, kind, code: null, title, description, opportunities, actions, children });

// ---------------------------------------------------------------------------
// 2006 Strategic Action Proposal (archived). Known only through the 2012 plan.
// ---------------------------------------------------------------------------

export const sjvSap2006: PlanDocument = {
  format: FORMAT,
  version: VERSION,
  plan: {
    slug: "sjv-sap-2006",
    title: "The San Joaquin Valley: California’s 21st Century Opportunity",
    region: "San Joaquin Valley, California",
    summary:
      "Building upon these efforts, the SAP identified five regional clusters of opportunity for focused action: agribusiness, health and medical, manufacturing, renewable energy, and supply chain management and logistics. These clusters reflected shared priorities across the Valley and sectors where the region's comparative advantage was considered to be strong or emerging.",
    periodStart: "2006-01-01",
    periodEnd: "2011-12-31",
    status: "archived",
    sourceCitation:
      "Strategic Action Proposal (SAP), The San Joaquin Valley, California’s 21st Century Opportunity, prepared in 2006 by the leaders of the California Partnership for the San Joaquin Valley; implemented by OCED through the New Valley program (first five year action plans, 2006-2011). Described in: San Joaquin Valley Regional Industry Cluster Analysis and Action Plan, September 2012.",
    sourceUrl: null,
    previousPlan: null,
  },
  organizations: [],
  partners: [],
  workGroups: [],
  sections: [
    section("agribusiness", "cluster", "Agribusiness", null),
    section("health-medical", "cluster", "Health and Medical", null),
    section("manufacturing", "cluster", "Manufacturing", null),
    section("renewable-energy", "cluster", "Renewable Energy", null),
    section("supply-chain-logistics", "cluster", "Supply Chain Management and Logistics", null),
  ],
  actions: [],
  targets: [],
  metrics: [],
  // The region and cluster definitions are added at start-up (db/seed/sjv-analytics.ts), also to databases seeded before them.
  analytics: null,
};

// ---------------------------------------------------------------------------
// 2012 Regional Industry Cluster Analysis and Action Plan
// ---------------------------------------------------------------------------

// Acknowledged partners, in the order printed (left column, then right column).
const acknowledgedOrganizations: OrganizationDoc[] = [
  org("adventist-health", "Adventist Health", null, "health"),
  org("bakersfield-college", "Bakersfield College", null, "education"),
  org("bhc-south-kern", "Building Healthy Communities, South Kern", null, "health"),
  org("business-entrepreneurship-center", "Business and Entrepreneurship Center", null, "economic_development"),
  org("cact", "California Center for Applied Competitive Technologies", null, "education"),
  org("citd", "California Centers for International Trade Development", null, "economic_development"),
  org("ccvedc", "California Central Valley Economic Development Corp.", "CCVEDC", "economic_development"),
  org("cetf", "California Emerging Technology Fund", null, "philanthropy"),
  org("csu-bakersfield", "California State University, Bakersfield", null, "education"),
  org("strategic-growth-council", "California Strategic Growth Council", null, "government"),
  org("california-water-institute", "California Water Institute", null, "research"),
  org("cwib", "California Workforce Investment Board", null, "workforce"),
  org("caltrans-d6", "Caltrans, District 6", null, "government"),
  org("cambridge-systematics", "Cambridge Systematics, Inc./Jock O'Connell Consulting", null, "consultant"),
  org("cit-fresno-state", "Center for Irrigation Technology, Fresno State", null, "research"),
  org("central-california-business-incubator", "Central California Business Incubator", null, "economic_development"),
  org("cc-center-of-excellence", "Central California Center of Excellence (Modesto Junior College)", null, "education"),
  org("c6", "Central California Community Colleges Committed to Change", "C6", "education"),
  org("cropp", "Central California Obesity Prevention Program", "CROPP", "health"),
  org("central-region-consortium", "Central Region Consortium (California Community Colleges)", null, "education"),
  org("cvbi", "Central Valley Business Incubator", "CVBI", "economic_development"),
  org("cvhn", "Central Valley Health Network", null, "health"),
  org("ccwc", "Central California Workforce Collaborative", "CCWC", "workforce"),
  org("city-of-fresno", "City of Fresno", null, "government"),
  org("clinica-sierra-vista", "Clinica Sierra Vista", null, "health"),
  org("cael", "Council on Adult and Experiential Learning", null, "education"),
  org("edc-fresno", "Economic Development Corporation serving Fresno County", null, "economic_development"),
  org("employers-training-resource", "Employers' Training Resource (Kern County)", null, "workforce"),
  org("federal-reserve-community-development", "Federal Reserve Bank of California, Community Development", null, "government"),
  org("fresno-business-council", "Fresno Business Council", null, "business"),
  org("fresno-city-college", "Fresno City College", null, "education"),
  org("reacon", "Greater Stockton Chamber of Commerce/REACON", "REACON", "business"),
  org("uc-merced-hsri", "Health Sciences Research Institute, UC Merced", null, "research"),
  org("kern-edc", "Kern County Economic Development Corporation", null, "economic_development"),
  org("kings-edc", "Kings County Economic Development Corporation", null, "economic_development"),
  org("fresno-wib", "Fresno Workforce Investment Board (Workforce Connection)", null, "workforce"),
  org("hospital-council", "Hospital Council of Northern and Central California", null, "health"),
  org("kaiser-permanente", "Kaiser Permanente Central Valley", null, "health"),
  org("kern-ccd", "Kern Community College District", null, "education"),
  org("great-valley-center", "Great Valley Center", null, "nonprofit"),
  org("local-government-commission", "Local Government Commission", null, "nonprofit"),
  org("lyles-center", "Lyles Center for Innovation and Entrepreneurship", null, "economic_development"),
  org("manufacturers-council", "Manufacturers Council of the Central Valley", null, "business"),
  org("merced-college-bics", "Merced College Business, Industry and Community Services", null, "education"),
  org("pge", "Pacific Gas and Electric", null, "utility"),
  org("regional-policy-council", "Regional Policy Council/Councils of Government", null, "government"),
  org("rji-implementation-team", "Regional Jobs Initiative Implementation Team", null, "economic_development"),
  org("san-joaquin-partnership", "San Joaquin Partnership", null, "economic_development"),
  org("sjv-apcd", "San Joaquin Valley Air Pollution Control District", null, "government"),
  org("sjv-clean-energy", "San Joaquin Valley Clean Energy Organization", null, "nonprofit"),
  org("sjv-college", "San Joaquin Valley College", null, "education"),
  org("sjv-rural-development-center", "San Joaquin Valley Rural Development Center", null, "economic_development"),
  org("stanislaus-alliance-worknet", "Stanislaus Alliance WorkNet", null, "workforce"),
  org("teamcalifornia", "TeamCalifornia", null, "economic_development"),
  org("california-endowment", "The California Endowment", null, "philanthropy"),
  org("maddy-institute", "The Maddy Institute", null, "research"),
  org("uc-davis-crc", "UC Davis Center for Regional Change", null, "research"),
  org("uc-advanced-solar", "UC Advanced Solar Technologies Institute", null, "research"),
  org("uc-merced-sbdc", "UC Merced SBDC Regional Network", null, "economic_development"),
  org("ucam", "University Center to Advance Manufacturing", "UCAM", "education"),
  org("usda-rd", "USDA Rural Development, California", null, "government"),
  org("wet-center", "Water, Energy and Technology (WET) Center", "WET Center", "research"),
  org("west-hills-ccd", "West Hills Community College District", null, "education"),
  org("wib-tulare", "Workforce Investment Board of Tulare County", null, "workforce"),
];

// Named in action texts, next steps or as work-group leads, but not in the
// acknowledgements list. Not partners.
const otherOrganizations: OrganizationDoc[] = [
  org("oced", "Office of Community and Economic Development, California State University, Fresno", "OCED", "economic_development"),
  org("sjv-partnership", "California Partnership for the San Joaquin Valley", null, "other"),
  org("sjv-broadband-consortium", "San Joaquin Valley Regional Broadband Consortium", null, "other"),
  org("csac", "California State Association of Counties", "CSAC", "government"),
  org("uc-solar-research-institute", "UC Solar Research Institute", null, "research"),
  org("central-valley-fund", "Central Valley Fund", null, "business"),
  org("calfor", "California Financial Opportunities Roundtable", "CalFOR", "economic_development"),
  org("puc", "California Public Utilities Commission", "PUC", "government"),
  org("lyles-college-engineering", "Lyles College of Engineering", null, "education"),
  org("bluetech-valley", "BlueTech Valley", null, "economic_development"),
  org("sjv-edd", "San Joaquin Valley Economic Development District", null, "economic_development"),
  org("lwda", "California Labor and Workforce Development Agency", null, "government"),
  org("chancellors-office", "Chancellor’s Office", null, "education"),
  org("etp", "Employment Training Panel", null, "workforce"),
  org("us-dol", "U.S. Dept. of Labor", null, "government"),
];

const HW_WG = "health-wellness-wg";
const ENERGY_WG = "energy-wg";
const SUSTAINABLE_WG = "sustainable-communities-wg";

const SUMMIT = "See Regional Economic Summit Strategy recommendations";

const clusters: SectionDoc[] = [
  section(
    "agriculture",
    "cluster",
    "Agriculture",
    "For example, the Agriculture Cluster includes production, processing and packaging, distribution and diverse support activities.",
    ["All 5 issue areas addressed in Regional Economic Summit"],
    [
      action(
        "AG-1",
        "All actions have designated champions and recommended actions; Partnership & OCED are tracking progress. See www.sjvpartnership.org",
        [partner("sjv-partnership"), partner("oced")],
      ),
    ],
    [
      section("agriculture-production", "component", "Production", null),
      section("agriculture-processing-packaging", "component", "Processing and packaging", null),
      section("agriculture-distribution", "component", "Distribution", null),
      section("agriculture-support-activities", "component", "Support activities", null),
    ],
  ),
  section(
    "energy",
    "cluster",
    "Energy",
    null,
    [
      "Regional focus on cluster development & coordination needed; opportunity to develop biofuels; better define cluster components",
      "Conditional Use permits vary by county – frustrating for international companies willing to invest in the Valley; results in project delays or cancellations",
      "Increase entrepreneurial climate; need to create culture of early stage investment, create dialogue with entrepreneurs, & encourage students to create the next generation of solar technology",
      "Leakage of energy use",
    ],
    [
      action(
        "EN-1",
        "SJV Clean Energy Organization should be lead for cluster development action plan; expand networking to connect more stakeholders",
        [lead("sjv-clean-energy")],
        ENERGY_WG,
      ),
      action("EN-2", "Advocate for funding for SJV Regional Energy Plan Roadmap", [], ENERGY_WG),
      action(
        "EN-3",
        "Coordinate with County Planners (CSAC) working on simpler expedited solar permitting process throughout the state; coordinate locally",
        [partner("csac")],
        ENERGY_WG,
      ),
      action(
        "EN-4",
        "Coordinate with UC Solar Research Institute, CVBI, Lyles Center for Innovation and Entrepreneurship, Central Valley Fund, Business and Entrepreneurship Center, UC Merced SBDC Regional Network, CalFOR & others to accelerate technology commercialization & entrepreneurship",
        [
          partner("uc-solar-research-institute"),
          partner("cvbi"),
          partner("lyles-center"),
          partner("central-valley-fund"),
          partner("business-entrepreneurship-center"),
          partner("uc-merced-sbdc"),
          partner("calfor"),
        ],
        ENERGY_WG,
      ),
      action("EN-5", "Provide input to PUC on energy facilities sitings", [partner("puc")], ENERGY_WG),
      action("EN-6", SUMMIT, [], ENERGY_WG),
    ],
  ),
  section(
    "health-wellness",
    "cluster",
    "Health and Wellness",
    "The Health Cluster now incorporates dimensions of wellness.",
    [
      "Difficult to coordinate with so many initiatives across the Valley",
      "Need for consistent and regionalized standards and curriculum for same occupations/certificates, & for transferability of credits from Community Colleges to CSUs",
      "Need to standardize residency requirements for nurses",
      "Address gaps in workforce skills – need for better information, programs to increase skill levels",
      "Need to prepare for health information technologies; expand broadband infrastructure",
      "Need improved access to jobs and health care services in rural areas",
      "Wellness/prevention focus will increase demand for services and workers",
    ],
    [
      action("HW-1", "Partnership health leaders should convene high level cluster meetings", [lead("sjv-partnership")], HW_WG),
      action(
        "HW-2",
        "Advocate for transfers within regional network of accredited courses (C6 project is opportunity to standardize curriculum), including for nursing",
        [partner("c6")],
        HW_WG,
      ),
      action("HW-3", "Collaborate with hospitals to unify employee competencies, translate to college curriculum", [], HW_WG),
      action(
        "HW-4",
        "Expand nursing residencies across the Valley; coordinate with hospitals, community colleges, universities",
        [],
        HW_WG,
      ),
      action("HW-5", "Advocate for Regional Industry Clusters of Opportunity (RICO) funding", [], HW_WG),
      action("HW-6", "Expand mentoring programs", [], HW_WG),
      action(
        "HW-7",
        "Coordinate with SJV Regional Broadband Consortium, employer networks like Central Valley Health Network, WIBs, etc. for e-health",
        [partner("sjv-broadband-consortium"), partner("cvhn")],
        HW_WG,
      ),
      action(
        "HW-8",
        "Collaborate with Councils of Government, employers, transit agencies to develop more regional, coordinated transportation systems",
        [partner("regional-policy-council")],
        HW_WG,
      ),
      action("HW-9", "Expand Patient Navigator, Promotora and other model programs", [], HW_WG),
      action(
        "HW-10",
        "Coordinate with UC Merced Health Sciences Research Institute, CVBI, and entrepreneurship centers",
        [partner("uc-merced-hsri"), partner("cvbi")],
        HW_WG,
      ),
    ],
  ),
  section(
    "logistics",
    "cluster",
    "Logistics",
    null,
    [
      "Additional options for goods movement needed (non-truck)",
      "Foreign Trade Zones underutilized",
      "Emissions impact air quality and health",
      "Issues identified at Regional Economic Summit",
    ],
    [
      action(
        "LO-1",
        "Ensure coordination between Regional Policy Council/COGs (stakeholder planning process underway), SJV Air Pollution Control District, CCVEDC, Caltrans, Partnership Sustainable Communities Work Group, railroad companies on planning/projects",
        [partner("regional-policy-council"), partner("sjv-apcd"), partner("ccvedc"), partner("caltrans-d6")],
        SUSTAINABLE_WG,
      ),
      action("LO-2", SUMMIT),
    ],
  ),
  section(
    "manufacturing",
    "cluster",
    "Manufacturing",
    "Manufacturing (which is connected to all of the clusters)",
    [
      "Main issue for employers is workforce development",
      "Lack of high-level engineering jobs in the Valley, so many students leave the region",
      "Need cross-pollination of engineering workplace skills with existing workforce",
      "Need appropriate infrastructure to create new products out of recycled products; waste commodities being shipped overseas",
    ],
    [
      action("MF-1", "Identify lead cluster partners"),
      action(
        "MF-2",
        "Coordinate with C6 and California Center for Applied Competitive Technologies for increased training; including in skilled trades",
        [partner("c6"), partner("cact")],
      ),
      action(
        "MF-3",
        "Match resources of the universities to the manufacturers; connect internships with employers; support UCAM",
        [partner("ucam")],
      ),
      action("MF-4", "Develop a strategy to close supplier gaps"),
      action(
        "MF-5",
        "Do policy advocacy (coordinated by REACON) on increase markets for recycling in California (Recycling BIN – Build Infrastructure Now)",
        [lead("reacon")],
      ),
    ],
  ),
  section(
    "water-technology",
    "cluster",
    "Water Technology",
    "Two clusters have been added – water technology and public sector infrastructure, based on their current and emerging importance and potential for the Valley.",
    [
      "Demand for clean water, sustainable water resources & infrastructure is creating new business opportunities beyond agriculture",
      "Issues identified at Regional Economic Summit",
    ],
    [
      action(
        "WT-1",
        "Broaden focus of R&D to address diverse water supply and quality issues across an increased range of industries; coordinate with WET Center, Lyles College of Engineering, CVBI & other partners",
        [partner("wet-center"), partner("lyles-college-engineering"), partner("cvbi")],
      ),
      action("WT-2", "Focus on growth of specific technologies (BlueTech Valley)", [partner("bluetech-valley")]),
      action("WT-3", SUMMIT),
    ],
  ),
  section(
    "public-sector-infrastructure",
    "cluster",
    "Public Sector Infrastructure",
    "Public Sector Infrastructure (Construction); in the priorities table: Public Sector Infrastructure - (CCWC Project). Two clusters have been added – water technology and public sector infrastructure, based on their current and emerging importance and potential for the Valley.",
    [
      "RJI Construction Cluster not active",
      "Lack of awareness regarding aggregated impact of public sector investments",
      "Updated inventory of projects & schedules needed on ongoing basis",
      "Coordination needed with economic development and planning to secure project funding",
    ],
    [
      action("PSI-1", "Implement CCWC Regional Plan as Cluster Strategy for workforce", [lead("ccwc")]),
      action(
        "PSI-2",
        "Coordinate with Partnership to advocate for public sector investment/local hiring",
        [partner("sjv-partnership")],
      ),
      action("PSI-3", "Identify lead to update project inventory and schedule"),
      action(
        "PSI-4",
        "Coordinate with Regional Policy Council and SJV Economic Development District to link project priorities with possible funding sources",
        [partner("regional-policy-council"), partner("sjv-edd")],
      ),
    ],
  ),
];

// NEXT STEPS: plan-level actions. title = the bold lead-in, text = the rest.
const nextSteps: ActionDoc[] = [
  action(
    "NS-1",
    "OCED staff will meet with Work Group leads and partners to review Project findings and recommendations and alignment with existing work plans; confirm lead partners and expanded/refined roles; identify 2013 priority cluster initiatives; and support work plan updates and expanded engagement of stakeholders. OCED should convene the stakeholders from the June meeting of the Manufacturing/Energy/Logistics Clusters to identify cross-cluster priorities and actions. This process will be coordinated with the Partnership’s Executive Committee. OCED should coordinate with USDA Rural Development and other champions on the implementation of the Ag Value Chain Regional Economic Summit action priorities.",
    [lead("oced"), partner("sjv-partnership"), partner("usda-rd")],
    null,
    "Work Group Leads/Work Plans",
  ),
  action(
    "NS-2",
    "OCED should work with Partnership board members to convene the Cluster stakeholders to identify priorities, develop the work plan around Action Plan recommendations, and drive the implementation of the work plan.",
    [lead("oced"), partner("sjv-partnership")],
    HW_WG,
    "Health and Wellness Cluster Work Group",
  ),
  action(
    "NS-3",
    "OCED is working with CCVEDC and other partners on the process to develop a strategy for the Economic Development Targets (aggregated and cluster-specific), and identify a lead for implementation of the strategy. Partners should coordinate with TeamCalifornia to enhance marketing and outreach opportunities on the Valley’s cluster priorities.",
    [lead("oced"), partner("ccvedc"), partner("teamcalifornia")],
    null,
    "Economic Development Targets",
  ),
  action(
    "NS-4",
    "OCED should develop a process for increased, systemic linkages between economic development, education, and workforce development partners (CCVEDC, CCWC, Central Region Consortium, C6, universities) around regionalized cluster-focused issues. The partners should collaborate to seek funding support for: research to identify priority workforce gaps and occupational demand; designated staff to facilitate the coordination process across the clusters and the systems; expanding the reach of innovative training programs. OCED should facilitate integrated connections with state partners such as the California Workforce Investment Board, California Labor and Workforce Development Agency, Chancellor’s Office, the Employment Training Panel, and the U.S. Dept. of Labor.",
    [
      lead("oced"),
      partner("ccvedc"),
      partner("ccwc"),
      partner("central-region-consortium"),
      partner("c6"),
      partner("cwib"),
      partner("lwda"),
      partner("chancellors-office"),
      partner("etp"),
      partner("us-dol"),
    ],
    null,
    "Economic Development/Education/Workforce Coordination",
  ),
  action(
    "NS-5",
    "OCED should convene the CCWC, the SJV Regional Policy Council, CCVEDC, Caltrans, labor, and other partners to link the interregional goods movement planning process and CCWC’s Public Sector Infrastructure Workforce Plan, including for identification of project funding priorities, funding sources for construction projects, and workforce development needs. Leverage the new Economic Development District.",
    [
      lead("oced"),
      partner("ccwc"),
      partner("regional-policy-council"),
      partner("ccvedc"),
      partner("caltrans-d6"),
      partner("sjv-edd"),
    ],
    null,
    "Public Sector Infrastructure/Logistics",
  ),
  action(
    "NS-6",
    "OCED should convene the leadership of the New Valley Work Groups quarterly for updates on their work plans, and facilitate coordination across Work Groups and initiatives on an ongoing basis.",
    [lead("oced")],
    null,
    "Work Group Coordination",
  ),
  action(
    "NS-7",
    "The Partnership and OCED will continue coordination with the statewide economic summit process, and align the annual outcomes of the Work Group work plans for the Valley’s next regional economic summit (fall of 2013) and state-wide summit (late 2013). OCED and the Work Groups should report on the progress of the 2013 cluster initiatives at the next Regional Economic Summit.",
    [lead("sjv-partnership"), lead("oced")],
    null,
    "Regional/State Economic Summits",
  ),
  action(
    "NS-8",
    "OCED should develop a process to report on Cluster Action Plan activities, metrics and progress to the Partnership’s Executive Committee on an ongoing basis. The growth of the clusters should be tracked as an annual metric.",
    [lead("oced"), partner("sjv-partnership")],
    null,
    "Reporting Process",
  ),
  action(
    "NS-9",
    "OCED should create a dedicated location on the Partnership’s website for the Cluster Action Plan and resource materials, building upon the Regional Economic Summit materials. It should use the Cluster Action Plan implementation as a vehicle for communications about the Partnership, and as a portal to partner initiatives and resources.",
    [lead("oced"), partner("sjv-partnership")],
    null,
    "Communications",
  ),
];

const LEAKAGE_SOURCE = "IMPLAN 3 I-O Model, ADE";
const target = (description: string, marketSupportUsd: number, sections: string[] = []): TargetDoc => ({
  description,
  marketSupportUsd,
  source: LEAKAGE_SOURCE,
  sections,
});
const MFG = ["manufacturing"];
const RESEARCH = ["energy", "health-wellness"];

// AGGREGATED ECONOMIC DEVELOPMENT LEAKAGE TARGETS, in table order.
const leakageTargets: TargetDoc[] = [
  target("Lessors of nonfinancial intangible assets", 712_685_000),
  target("Scientific research and development services", 699_203_000, RESEARCH),
  target("Paper mills", 611_657_000, MFG),
  target("Oilseed farming", 457_940_000, ["agriculture", "energy"]),
  target("Other basic organic chemical manufacturing", 395_251_000, MFG),
  target("Petrochemical manufacturing", 388_308_000, MFG),
  target("Artificial and synthetic fibers and filaments manufacturing", 385_175_000, MFG),
  target("Software publishers", 375_381_000),
  target("Plastics material and resin manufacturing", 363_584_000, MFG),
  target("Automotive equipment rental and leasing", 336_797_000),
  target("Plastics bottle manufacturing", 336_107_000, MFG),
  target("Management, scientific, and technical consulting services", 323_597_000, RESEARCH),
  target("Aluminum product manufacturing from purchased aluminum", 303_463_000, MFG),
  target("Advertising and related services", 284_775_000),
  target("Paperboard Mills", 257_934_000, MFG),
  target("Other plastics product manufacturing", 244_702_000, MFG),
  target("Semiconductor and related device manufacturing", 241_775_000, MFG),
  target("Metal can, box, and other metal container (light gauge) manufacturing", 222_663_000, MFG),
  target("Plastics packaging materials and unlaminated film and sheet manufacturing", 220_031_000, MFG),
  target("Motor vehicle parts manufacturing", 212_772_000, MFG),
  target("All other chemical product and preparation manufacturing", 169_215_000, MFG),
  target("All other basic inorganic chemical manufacturing", 166_139_000, MFG),
  target("Architectural, engineering, and related services", 165_780_000, ["public-sector-infrastructure"]),
];

export const sjvPlan2012: PlanDocument = {
  format: FORMAT,
  version: VERSION,
  plan: {
    slug: "sjv-2012",
    title: "San Joaquin Valley Regional Industry Cluster Analysis and Action Plan",
    region:
      "San Joaquin Valley, California (Fresno, Kern, Kings, Madera, Merced, San Joaquin, Stanislaus and Tulare counties)",
    summary:
      "The Cluster Action Plan provides recommendations for the New Valley’s next stage. The Project’s goal is to support improved regional economic performance, sustainability, and shared opportunity for Valley residents, businesses and communities.",
    periodStart: "2012-09-01",
    periodEnd: "2017-12-31",
    status: "active",
    sourceCitation:
      "San Joaquin Valley Regional Industry Cluster Analysis and Action Plan. Prepared by Applied Development Economics in association with Arakel A. Arisian, AICP, LEED AP (Arisian Development) and Virginia Hamilton, Consultant. Prepared for the Office of Community and Economic Development, California State University, Fresno, on behalf of the California Partnership for the San Joaquin Valley. September 2012.",
    sourceUrl: "http://www.sjvpartnership.org",
    previousPlan: "sjv-sap-2006",
  },
  organizations: [...acknowledgedOrganizations, ...otherOrganizations],
  partners: acknowledgedOrganizations.map((o) => o.key),
  workGroups: [
    {
      key: HW_WG,
      name: "Health and Wellness Work Group",
      description:
        "The Health and Human Services Work Group has not been active and is being reorganized by OCED as the Health and Wellness Work Group, to align with Action Plan recommendations. It will be managed by OCED during this process.",
      leadOrganization: "oced",
      status: "reorganizing",
      sections: ["health-wellness"],
    },
    {
      key: "advanced-communications-wg",
      name: "Advanced Communications Work Group",
      description:
        "OCED will continue as the lead for the San Joaquin Valley Regional Broadband Consortium (Advanced Communications Work Group) and the Housing Work Group, and will continue in its support of the other Work Groups.",
      leadOrganization: "oced",
      status: "active",
      sections: [],
    },
    {
      key: "housing-wg",
      name: "Housing Work Group",
      description:
        "OCED will continue as the lead for the San Joaquin Valley Regional Broadband Consortium (Advanced Communications Work Group) and the Housing Work Group, and will continue in its support of the other Work Groups.",
      leadOrganization: "oced",
      status: "active",
      sections: [],
    },
    {
      key: SUSTAINABLE_WG,
      name: "Sustainable Communities Work Group",
      description:
        "Named in the Logistics cluster's recommended actions as the \"Partnership Sustainable Communities Work Group\": \"Ensure coordination between Regional Policy Council/COGs (stakeholder planning process underway), SJV Air Pollution Control District, CCVEDC, Caltrans, Partnership Sustainable Communities Work Group, railroad companies on planning/projects\". The document does not name its lead.",
      leadOrganization: null,
      status: "active",
      sections: ["logistics"],
    },
    {
      key: ENERGY_WG,
      name: "Energy Work Group",
      description:
        "Not named as a Work Group in the document; recorded from the Energy cluster's recommended action \"SJV Clean Energy Organization should be lead for cluster development action plan; expand networking to connect more stakeholders\" (phrased as a recommendation).",
      leadOrganization: "sjv-clean-energy",
      status: "active",
      sections: ["energy"],
    },
  ],
  sections: clusters,
  actions: nextSteps,
  targets: leakageTargets,
  metrics: sjvMetrics,
  analytics: null,
};
