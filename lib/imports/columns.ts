// The columns each import reads: the allowlist the file's headers are matched
// against, the template's header and example rows, and the help on the import
// page all come from these lists, so they cannot drift apart.

export const IMPORT_KINDS = ["actions", "updates", "measurements"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  actions: "Actions",
  updates: "Progress updates for one quarter",
  measurements: "Metric measurements",
};

export interface ImportColumn {
  key: string;
  header: string;
  required: boolean;
  help: string;
  example: string;
}

export const ACTION_COLUMNS = [
  {
    key: "code",
    header: "Code",
    required: true,
    help: "The action's code, unique in the plan (letters, digits, “.”, “_”, “-”; at most 40). A code the plan already has updates that action; a new code creates one.",
    example: "EN-7",
  },
  { key: "title", header: "Title", required: false, help: "A short title, at most 300 characters. Empty: no title.", example: "Solar installer training pilot" },
  {
    key: "text",
    header: "Text",
    required: false,
    help: "The action as the plan words it, at most 10,000 characters. Needed for a new action; for an existing one it may not be emptied.",
    example: "Pilot a solar installer training programme with two community colleges.",
  },
  { key: "sectionKey", header: "Section key", required: false, help: "The key of the cluster or section the action belongs to (see the section's address). Empty: a plan-wide action.", example: "energy" },
  { key: "workGroupKey", header: "Work group key", required: false, help: "The key of the work group carrying it out (see the work group's address). Empty: no work group.", example: "energy-wg" },
  { key: "leadPerson", header: "Lead person", required: false, help: "The person answerable for it, at most 200 characters.", example: "Pat Lee" },
  { key: "priority", header: "Priority", required: false, help: "“yes” for a priority action, “no” or empty otherwise.", example: "no" },
  { key: "startDate", header: "Start date", required: false, help: "A date like 2026-03-31 (or a date cell in Excel). Empty: none.", example: "2026-01-15" },
  { key: "dueDate", header: "Due date", required: false, help: "A date like 2026-12-31, not before the start date. Empty: none.", example: "2026-12-31" },
  {
    key: "champions",
    header: "Champions",
    required: false,
    help: "The champion organizations as “organization-key:role”, separated by “;”. Roles: lead, partner, funder (partner when left out). The list replaces the action's champions; empty removes them.",
    example: "sjv-clean-energy:lead; bakersfield-college:partner",
  },
] as const satisfies readonly ImportColumn[];

// Columns our own action-list download adds: accepted and skipped, so a
// downloaded list can be edited and imported back. Status and percent come
// from progress updates, never from this import.
export const ACTION_IGNORED_HEADERS = ["Section", "Work group", "Status", "Percent complete"] as const;

export const UPDATE_COLUMNS = [
  { key: "actionCode", header: "Action code", required: true, help: "The code of an action of this plan, once per file.", example: "EN-1" },
  {
    key: "status",
    header: "Status",
    required: true,
    help: "One of: Not started, On track, At risk, Off track, Completed, Deferred.",
    example: "On track",
  },
  { key: "percentComplete", header: "Percent complete", required: true, help: "A whole number from 0 to 100 (a “%” sign is fine). Completed actions are 100.", example: "40" },
  { key: "narrative", header: "Narrative", required: true, help: "What happened this quarter, in Markdown, at most 20,000 characters.", example: "Two colleges signed up; the first cohort starts in March." },
] as const satisfies readonly ImportColumn[];

export const MEASUREMENT_COLUMNS = [
  { key: "metricKey", header: "Metric key", required: true, help: "The key of a live metric of this plan (the last part of the metric's address).", example: "energy-employment" },
  {
    key: "period",
    header: "Period",
    required: true,
    help: "A year like 2014 for an annual metric, or a quarter like 2014 Q2 for a quarterly one: inside the plan's span and already started. Each metric and period once per file.",
    example: "2014",
  },
  {
    key: "value",
    header: "Value",
    required: true,
    help: "A number only, such as 1,240 or 41.5 (a “%” sign is fine). Percents are from 0 to 100; counts and jobs cannot be negative.",
    example: "41250",
  },
  { key: "note", header: "Note", required: false, help: "What the value means or how it was arrived at, at most 2,000 characters. Empty: no note.", example: "Annual average, eight Valley counties" },
  { key: "source", header: "Source", required: false, help: "Where the value comes from, at most 500 characters. Empty: no source.", example: "EDD QCEW" },
  {
    key: "correctionNote",
    header: "Correction note",
    required: false,
    help: "Only to change a value the period already has: why it is corrected, at most 1,000 characters. The earlier value stays in the metric's history. A row equal to the value already recorded is skipped as unchanged.",
    example: "",
  },
  {
    key: "status",
    header: "Status",
    required: false,
    help: "Empty or “current”: the row is imported. “corrected”: an earlier value, as a metric's history download lists it; the row is skipped.",
    example: "",
  },
] as const satisfies readonly ImportColumn[];

// Columns the metric downloads add: accepted and skipped, so a downloaded file
// can be edited and imported back. Who entered a value and when is recorded
// by the import itself.
export const MEASUREMENT_IGNORED_HEADERS = ["Metric", "Attached to", "Unit", "Entered by", "Entered at", "Corrected at"] as const;

export const COLUMNS: Record<ImportKind, readonly ImportColumn[]> = { actions: ACTION_COLUMNS, updates: UPDATE_COLUMNS, measurements: MEASUREMENT_COLUMNS };
export const IGNORED_HEADERS: Record<ImportKind, readonly string[]> = { actions: ACTION_IGNORED_HEADERS, updates: [], measurements: MEASUREMENT_IGNORED_HEADERS };

// Why a kind's download columns are skipped, under the column help.
export const IGNORED_HEADERS_NOTE: Record<ImportKind, string | null> = {
  actions: "of the action list download are accepted and skipped, so a downloaded list can be edited and imported back. Status and percent complete change only through progress updates.",
  updates: null,
  measurements: "of the metric downloads are accepted and skipped, so a downloaded file can be edited and imported back. Who entered a value, and when, is recorded by the import.",
};

export type ActionColumnKey = (typeof ACTION_COLUMNS)[number]["key"];
export type UpdateColumnKey = (typeof UPDATE_COLUMNS)[number]["key"];
export type MeasurementColumnKey = (typeof MEASUREMENT_COLUMNS)[number]["key"];
