// Starting NAICS definitions of the 7 priority clusters of the 2012 San Joaquin
// Valley Regional Industry Cluster Analysis and Action Plan (issue #7).
//
// EDITABLE STARTING POINTS. The plan names the clusters and, for Agriculture
// only, its value-chain components; it does not publish the NAICS codes ADE
// used. These lists were built from the plan's words (quoted in each note and
// in docs/cluster-definitions.md) and are meant to be reviewed and edited by
// the plan's administrators in the browser, not treated as the plan's own.
//
// Rules followed (docs/cluster-definitions.md explains them):
// - NAICS 2017 codes that are unchanged from NAICS 2012, so that they match
//   the 2016 BLS QCEW files (coded in NAICS 2012) and later years alike.
// - 4-digit codes by default (the CREE method); a 3-digit subsector where all of
//   it belongs to one component; 5- or 6-digit codes where the 4-digit group
//   would pull in unrelated industries. A single industry is written with its
//   6-digit code, a group of industries with the shortest code covering exactly
//   that group.
// - Titles are BLS's QCEW titles (industry_title without its code), which are
//   BLS's wording of the NAICS titles, sometimes abbreviated ("mfg.").
// - Every code has establishments in at least one of the 8 counties in 2016
//   (lib/analytics/sjv-clusters.test.ts checks this against the BLS files).
// - A cluster's code list is the union of its components' lists. Within a
//   cluster no code appears twice or together with its own ancestor.
// - Overlaps between clusters are deliberate and listed in the test. There is
//   one: 54171 (R&D in the physical, engineering and life sciences) is in both
//   Energy and Health and Wellness, as the plan names research as a growth
//   opportunity in both.
// - Manufacturing holds the manufacturing industries that no other cluster's
//   value chain claims (food processing is Agriculture's, refining Energy's, ...),
//   so that cluster totals add up without counting a job twice.

import { isWithin } from "./naics";

export interface NaicsCode {
  /** NAICS code as BLS writes it: 3 to 6 digits here ("311", "2111", "54171", "325193"). */
  code: string;
  /** BLS QCEW industry title, without the code ("Oilseed and grain farming"). */
  title: string;
}

export interface StartingComponentDefinition {
  name: string;
  /** Key of the seeded component section (db/seed/sjv-plans.ts), where the plan has one. */
  section: string | null;
  codes: NaicsCode[];
}

export interface StartingClusterDefinition {
  /** Key of the seeded cluster section in db/seed/sjv-plans.ts ("agriculture", "water-technology", ...). */
  section: string;
  /** The seeded section's title. */
  name: string;
  /** Every definition here is a starting point for the plan's administrators to edit. */
  status: "starting point";
  /** Why the cluster is drawn this way, with the plan's words. */
  note: string;
  components: StartingComponentDefinition[];
}

const c = (code: string, title: string): NaicsCode => ({ code, title });

export const SJV_CLUSTER_DEFINITIONS: readonly StartingClusterDefinition[] = [
  // Starting point, editable.
  {
    section: "agriculture",
    name: "Agriculture",
    status: "starting point",
    note:
      "The plan: “the Agriculture Cluster includes production, processing and packaging, distribution and diverse support activities” (Importance of the Clusters). Processing and packaging takes food and beverage manufacturing, the packing houses and cotton gins, and the container industries that pack Valley food and wine; Manufacturing leaves these out. Distribution takes food and farm-product wholesaling and cold and farm-product storage; Logistics leaves these out. Support takes farm labor contractors and other farm services, farm chemicals, machinery and supplies, and veterinarians.",
    components: [
      {
        name: "Production",
        section: "agriculture-production",
        codes: [c("111", "Crop production"), c("112", "Animal production and aquaculture")],
      },
      {
        name: "Processing and packaging",
        section: "agriculture-processing-packaging",
        codes: [
          c("311", "Food manufacturing"),
          c("3121", "Beverage manufacturing"),
          // Post-harvest handling is in NAICS 1151 (support activities); ginning
          // and packing houses process and pack the crop, so they sit here.
          c("115111", "Cotton ginning"),
          c("115114", "Other postharvest crop activities"),
          c("32221", "Paperboard container manufacturing"),
          c("327213", "Glass container manufacturing"),
          c("33243", "Metal can, box, and other container mfg."),
        ],
      },
      {
        name: "Distribution",
        section: "agriculture-distribution",
        codes: [
          c("4244", "Grocery and related product wholesalers"),
          c("4245", "Farm product raw material merch. whls."),
          c("4248", "Alcoholic beverage merchant wholesalers"),
          c("493120", "Refrigerated warehousing and storage"),
          c("493130", "Farm product warehousing and storage"),
        ],
      },
      {
        name: "Support activities",
        section: "agriculture-support-activities",
        codes: [
          c("115112", "Soil preparation, planting, and cultivating"),
          c("115113", "Crop harvesting, primarily by machine"),
          c("115115", "Farm labor contractors and crew leaders"),
          c("115116", "Farm management services"),
          c("115210", "Support activities for animal production"),
          c("3253", "Agricultural chemical manufacturing"),
          // Includes irrigation equipment manufacturing (NAICS puts it here).
          c("333111", "Farm machinery and equipment manufacturing"),
          c("423820", "Farm and garden equip. merchant wholesalers"),
          c("424910", "Farm supplies merchant wholesalers"),
          // Includes companion-animal practices as well as livestock veterinarians.
          c("541940", "Veterinary services"),
        ],
      },
    ],
  },
  // Starting point, editable.
  {
    section: "energy",
    name: "Energy",
    status: "starting point",
    note:
      "The 2006 “renewable energy” cluster became “Energy”: ADE “expanded upon components of the five original clusters to encompass more broadly the … Energy … clusters” (plan summary). The plan itself asks to “better define cluster components” (Energy issues). This starting point covers oil and gas (mostly in Kern County), electric and gas utilities, renewable generation, and biofuels (“opportunity to develop biofuels”, same item). Research: “Research and scientific consulting services are a growth opportunity in both the Energy and Health and Wellness Clusters” (leakage targets discussion), hence 54171 in both. Energy equipment makers (turbines, storage batteries, solar cells) stay in Manufacturing: their codes are mixed (334413 covers all semiconductors) or small and suppressed in the Valley data; move them here if the cluster’s champions want them.",
    components: [
      {
        name: "Oil and gas",
        section: null,
        codes: [
          c("2111", "Oil and gas extraction"),
          c("213111", "Drilling oil and gas wells"),
          c("213112", "Support activities for oil and gas operations"),
          c("237120", "Oil and gas pipeline construction"),
          c("324110", "Petroleum refineries"),
          c("333132", "Oil and gas field machinery and equipment"),
          c("486", "Pipeline transportation"),
          c("4247", "Petroleum merchant wholesalers"),
        ],
      },
      {
        name: "Electric power and natural gas utilities",
        section: null,
        codes: [
          c("221112", "Fossil fuel electric power generation"),
          c("221118", "Other electric power generation"),
          c("22112", "Electric power transmission and distribution"),
          c("221210", "Natural gas distribution"),
        ],
      },
      {
        // 221113 Nuclear electric power generation has no Valley establishments.
        name: "Renewable electric power generation",
        section: null,
        codes: [
          c("221111", "Hydroelectric power generation"),
          c("221114", "Solar electric power generation"),
          c("221115", "Wind electric power generation"),
          c("221116", "Geothermal electric power generation"),
          c("221117", "Biomass electric power generation"),
        ],
      },
      {
        name: "Biofuels",
        section: null,
        codes: [
          c("325193", "Ethyl alcohol manufacturing"),
          // Biodiesel made outside refineries is classified here, together with
          // other organic chemicals; check the Valley establishments before relying on it.
          c("325199", "All other basic organic chemical mfg."),
        ],
      },
      {
        name: "Research and development",
        section: null,
        // Also in Health and Wellness (deliberate overlap, see the note).
        codes: [c("54171", "Research and development in the physical, engineering, and life sciences")],
      },
    ],
  },
  // Starting point, editable.
  {
    section: "health-wellness",
    name: "Health and Wellness",
    status: "starting point",
    note:
      "“The Health Cluster now incorporates dimensions of wellness” (Importance of the Clusters); “Wellness/prevention focus will increase demand for services and workers” (priorities table). The cluster covers health care delivery (ambulatory care, hospitals, nursing and residential care), non-medical home care for the elderly and disabled (in California largely In-Home Supportive Services providers), pharmaceutical and medical products and their wholesaling, pharmacies and other health retail, fitness centers and weight-reduction centers, and research (shared with Energy, as the plan names research for both). Social assistance other than elderly and disabled care, health insurance and health education are left out.",
    components: [
      {
        name: "Health care services",
        section: null,
        codes: [
          c("621", "Ambulatory health care services"),
          c("622", "Hospitals"),
          c("623", "Nursing and residential care facilities"),
        ],
      },
      {
        name: "Home and community care",
        section: null,
        codes: [c("624120", "Services for the elderly and disabled")],
      },
      {
        name: "Pharmaceutical and medical products",
        section: null,
        codes: [
          c("3254", "Pharmaceutical and medicine manufacturing"),
          c("3391", "Medical equipment and supplies manufacturing"),
          c("423450", "Medical equipment merchant wholesalers"),
          c("424210", "Druggists' goods merchant wholesalers"),
        ],
      },
      {
        name: "Health retail and wellness",
        section: null,
        codes: [
          c("446110", "Pharmacies and drug stores"),
          c("446130", "Optical goods stores"),
          c("446191", "Food, health, supplement stores"),
          c("446199", "All other health and personal care stores"),
          c("713940", "Fitness and recreational sports centers"),
          c("812191", "Diet and weight reducing centers"),
        ],
      },
      {
        name: "Research and development",
        section: null,
        // Also in Energy (deliberate overlap).
        codes: [c("54171", "Research and development in the physical, engineering, and life sciences")],
      },
    ],
  },
  // Starting point, editable.
  {
    section: "logistics",
    name: "Logistics",
    status: "starting point",
    note:
      "The 2006 “supply chain management and logistics” cluster. The plan’s issues are goods movement (“Additional options for goods movement needed (non-truck)”, “Foreign Trade Zones underutilized”). The cluster covers freight transportation by truck, rail, air and water, couriers and the postal service, general and other warehousing, transportation support (freight arrangement, customs brokers, port and rail services) and logistics consulting and truck leasing. Passenger transportation is left out; refrigerated and farm-product warehousing are counted in Agriculture’s distribution, and pipelines in Energy.",
    components: [
      {
        name: "Freight transportation",
        section: null,
        codes: [
          c("481112", "Scheduled freight air transportation"),
          c("481212", "Nonscheduled air freight chartering"),
          c("482", "Rail transportation"),
          c("483111", "Deep sea freight transportation"),
          c("483113", "Coastal and great lakes freight transport."),
          c("483211", "Inland water freight transportation"),
          c("484", "Truck transportation"),
        ],
      },
      {
        name: "Couriers and postal delivery",
        section: null,
        codes: [c("491110", "Postal service"), c("492", "Couriers and messengers")],
      },
      {
        name: "Warehousing and storage",
        section: null,
        codes: [c("493110", "General warehousing and storage"), c("493190", "Other warehousing and storage")],
      },
      {
        name: "Transportation support and freight arrangement",
        section: null,
        codes: [c("488", "Support activities for transportation")],
      },
      {
        name: "Logistics services and equipment leasing",
        section: null,
        codes: [
          c("541614", "Process and logistics consulting services"),
          c("532120", "Truck, trailer, and rv rental and leasing"),
        ],
      },
    ],
  },
  // Starting point, editable.
  {
    section: "manufacturing",
    name: "Manufacturing",
    status: "starting point",
    note:
      "“Manufacturing (which is connected to all of the clusters)” (Importance of the Clusters). Read here as: manufacturing runs through the other clusters’ value chains, so the manufacturing that belongs to one of them is counted there (food, beverages and food containers in Agriculture, refining and biofuels in Energy, farm chemicals and farm machinery in Agriculture, pharmaceuticals and medical devices in Health and Wellness, pumps in Water Technology), and this cluster holds all other manufacturing, so that cluster totals add up without double counting. Recycling is added for the plan’s “Need appropriate infrastructure to create new products out of recycled products; waste commodities being shipped overseas” and the Recycling BIN action.",
    components: [
      {
        name: "Textiles, apparel and leather",
        section: null,
        codes: [
          c("313", "Textile mills"),
          c("314", "Textile product mills"),
          c("315", "Apparel manufacturing"),
          c("316", "Leather and allied product manufacturing"),
        ],
      },
      {
        name: "Wood, paper and printing",
        section: null,
        codes: [
          c("321", "Wood product manufacturing"),
          c("3221", "Pulp, paper, and paperboard mills"),
          c("32222", "Paper bag and coated and treated paper mfg."),
          c("32229", "Other converted paper product manufacturing"),
          c("323", "Printing and related support activities"),
        ],
      },
      {
        name: "Petroleum products, chemicals, plastics and rubber",
        section: null,
        codes: [
          c("32412", "Asphalt paving and roofing materials mfg."),
          c("32419", "Other petroleum and coal products mfg."),
          c("32511", "Petrochemical manufacturing"),
          c("32512", "Industrial gas manufacturing"),
          c("32518", "Other basic inorganic chemical manufacturing"),
          c("3252", "Resin, rubber, and artificial fibers mfg."),
          c("3255", "Paint, coating, and adhesive manufacturing"),
          c("3256", "Soap, cleaning compound, and toiletry mfg."),
          c("3259", "Other chemical product and preparation mfg."),
          c("326", "Plastics and rubber products manufacturing"),
        ],
      },
      {
        name: "Nonmetallic mineral products",
        section: null,
        codes: [
          c("3271", "Clay product and refractory manufacturing"),
          c("327211", "Flat glass manufacturing"),
          c("327212", "Other pressed and blown glass and glassware"),
          c("327215", "Glass product mfg. made of purchased glass"),
          c("3273", "Cement and concrete product manufacturing"),
          c("3274", "Lime and gypsum product manufacturing"),
          c("3279", "Other nonmetallic mineral products"),
        ],
      },
      {
        name: "Primary and fabricated metals",
        section: null,
        codes: [
          c("331", "Primary metal manufacturing"),
          c("3321", "Forging and stamping"),
          c("3322", "Cutlery and handtool manufacturing"),
          c("3323", "Architectural and structural metals mfg."),
          c("33241", "Power boiler and heat exchanger manufacturing"),
          c("33242", "Metal tank, heavy gauge, manufacturing"),
          c("3326", "Spring and wire product manufacturing"),
          c("3327", "Machine shops and threaded product mfg."),
          c("3328", "Coating, engraving, and heat treating metals"),
          c("3329", "Other fabricated metal product manufacturing"),
        ],
      },
      {
        name: "Machinery",
        section: null,
        codes: [
          c("333112", "Lawn and garden equipment manufacturing"),
          c("33312", "Construction machinery manufacturing"),
          c("3332", "Industrial machinery manufacturing"),
          c("3333", "Commercial and service industry machinery"),
          c("3334", "Hvac and commercial refrigeration equipment"),
          c("3335", "Metalworking machinery manufacturing"),
          c("3336", "Turbine and power transmission equipment mfg."),
          c("333912", "Air and gas compressor manufacturing"),
          c("33392", "Material handling equipment manufacturing"),
          c("33399", "All other general purpose machinery mfg."),
        ],
      },
      {
        name: "Computer, electronic and electrical equipment",
        section: null,
        codes: [
          c("334", "Computer and electronic product manufacturing"),
          c("335", "Electrical equipment and appliance mfg."),
        ],
      },
      {
        name: "Transportation equipment",
        section: null,
        codes: [c("336", "Transportation equipment manufacturing")],
      },
      {
        name: "Furniture and other manufacturing",
        section: null,
        codes: [c("337", "Furniture and related product manufacturing"), c("3399", "Other miscellaneous manufacturing")],
      },
      {
        name: "Recycling",
        section: null,
        codes: [
          c("423930", "Recyclable material merchant wholesalers"),
          c("562920", "Materials recovery facilities"),
        ],
      },
    ],
  },
  // Starting point, editable.
  {
    section: "water-technology",
    name: "Water Technology",
    status: "starting point",
    note:
      "Added in 2012 “based on their current and emerging importance and potential for the Valley”; “Demand for clean water, sustainable water resources & infrastructure is creating new business opportunities beyond agriculture” (priorities table). NAICS has few water-only codes: the cluster covers water supply and irrigation districts and sewage treatment, pump manufacturing, and environmental consulting and remediation. Irrigation equipment is inside farm machinery (Agriculture) and water-treatment equipment inside a mixed machinery code, water and sewer line construction is in Public Sector Infrastructure, and engineering firms are in Public Sector Infrastructure’s architectural and engineering services.",
    components: [
      {
        name: "Water supply, irrigation and treatment systems",
        section: null,
        codes: [c("221310", "Water supply and irrigation systems"), c("221320", "Sewage treatment facilities")],
      },
      {
        name: "Water equipment manufacturing",
        section: null,
        codes: [c("333911", "Pump and pumping equipment manufacturing")],
      },
      {
        name: "Water environmental services",
        section: null,
        codes: [c("541620", "Environmental consulting services"), c("562910", "Remediation services")],
      },
    ],
  },
  // Starting point, editable.
  {
    section: "public-sector-infrastructure",
    name: "Public Sector Infrastructure",
    status: "starting point",
    note:
      "“Public Sector Infrastructure (Construction)”, whose information “was provided in a separate analysis sponsored by the Central California Workforce Collaborative” (Importance of the Clusters); the priorities table calls it the CCWC Project and notes “RJI Construction Cluster not active”. The plan links it to “planned public sector infrastructure construction (estimated at more than $36 billion from 2010-2020 across several infrastructure categories)” and to architectural, engineering, and related services. NAICS classifies builders by what they build, not by who pays, so the cluster is the construction that builds infrastructure and public buildings: heavy and civil engineering (except oil and gas pipelines, in Energy, and land subdivision), nonresidential building, the specialty trades (which also work on housing; NAICS 2017 does not split them), and architectural and engineering services. Residential building construction and land subdivision are left out.",
    components: [
      {
        name: "Heavy and civil engineering construction",
        section: null,
        codes: [
          c("237110", "Water and sewer system construction"),
          c("237130", "Power and communication system construction"),
          c("2373", "Highway, street, and bridge construction"),
          c("2379", "Other heavy construction"),
        ],
      },
      {
        name: "Nonresidential building construction",
        section: null,
        codes: [c("2362", "Nonresidential building construction")],
      },
      {
        name: "Specialty trade contractors",
        section: null,
        codes: [
          c("2381", "Building foundation and exterior contractors"),
          c("2382", "Building equipment contractors"),
          c("2383", "Building finishing contractors"),
          c("2389", "Other specialty trade contractors"),
        ],
      },
      {
        name: "Architectural and engineering services",
        section: null,
        codes: [c("5413", "Architectural and engineering services")],
      },
    ],
  },
];

/** BLS writes three sectors as ranges; the rest are plain digit prefixes. */
/** A cluster's codes: the union of its components' codes, in order of first appearance. */
export function clusterCodes(definition: StartingClusterDefinition): NaicsCode[] {
  const seen = new Map<string, NaicsCode>();
  for (const component of definition.components) {
    for (const code of component.codes) if (!seen.has(code.code)) seen.set(code.code, code);
  }
  return [...seen.values()];
}

/** Two clusters sharing employment: the same code in both, or one's code inside the other's. */
export interface ClusterOverlap {
  section: string;
  code: string;
  otherSection: string;
  otherCode: string;
}

/** Every overlap between two different clusters, each pair once, in definition order. */
export function startingOverlaps(definitions: readonly StartingClusterDefinition[]): ClusterOverlap[] {
  const out: ClusterOverlap[] = [];
  definitions.forEach((a, i) => {
    for (const b of definitions.slice(i + 1)) {
      for (const x of clusterCodes(a)) {
        for (const y of clusterCodes(b)) {
          if (isWithin(y.code, x.code) || isWithin(x.code, y.code)) {
            out.push({ section: a.section, code: x.code, otherSection: b.section, otherCode: y.code });
          }
        }
      }
    }
  });
  return out;
}
