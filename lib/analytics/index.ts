// The employment analytics of issue #7: every page, report and export computes
// its figures here, so they agree everywhere. Pure functions of the records;
// the callers fetch the rows.

export * from "./types";
export { annualize, annualizeCell, type AnnualCell } from "./annual";
export { EmploymentIndex, type AreaYear } from "./employment-index";
export {
  RANGE_SECTORS,
  isNaicsCode,
  normalizeNaicsCode,
  naicsLevel,
  naicsParent,
  naicsAncestors,
  isWithin,
  dedupeCodes,
  findOverlaps,
  unionCodes,
  type DedupedCodes,
  type CodeOverlap,
} from "./naics";
export { DEFAULT_OWNERSHIPS, PRIVATE_OWNERSHIP, computeFigure, type EmploymentFigure, type FigureOptions } from "./figure";
export {
  computeClusterFigures,
  figuresByArea,
  type ClusterDefinition,
  type ClusterComponent,
  type ClusterFigures,
  type ClusterFiguresQuery,
  type ClusterYear,
  type AreaFigures,
} from "./cluster-figures";
export { estimateCell, estimatorFor, type CellEstimate, type Estimator } from "./suppression";
export { growth, spanGrowth, yearOverYear, figureGrowth, type Growth, type SpanGrowth, type YearValue, type FigureGrowth, type FigureField } from "./growth";
export {
  locationQuotient,
  computeLocationQuotient,
  allIndustryTotal,
  type LocationQuotientInput,
  type LocationQuotientQuery,
  type LocationQuotientFigure,
} from "./location-quotient";
export {
  shiftShare,
  computeShiftShare,
  type ShiftShareInput,
  type ShiftShareParts,
  type CodeShiftShare,
  type NotDecomposableReason,
  type ShiftShareQuery,
  type ClusterShiftShare,
} from "./shift-share";
export { computeClusterShare, type ClusterShare, type ClusterShareQuery, type ShareOf } from "./cluster-share";
