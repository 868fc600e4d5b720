export {
  defaultCatalog,
  makeCatalog,
  findTarget,
  catalogIndex,
  cloneTarget,
  isCatalogYear,
  targetForYear,
  targetForPeriod,
  unitOfMeasureFor,
  unitOfMeasureEnFor,
  directionFor,
  isRatioTarget,
  ratioScale,
  entryFields,
  type CatalogIndex,
} from "./catalog";
export { computeCatalogVersion, fnv1a64 } from "./version";
export { GROUP_NAMES, BOTTLENECK_NAMES, SOURCE_STATUS_NAMES, MEASURE_NAMES } from "./names";
export { DEFAULT_TARGETS } from "./targets-data";
export { parseCatalogCsv, parseCatalogRows } from "./load";
export { catalogToCsv, catalogToRows, BASE_COLUMNS, OPTIONAL_COLUMNS, CATALOG_COLUMNS } from "./write";
export {
  defaultAppliesTo,
  defaultTimeAggregation,
  DEFAULT_FREQUENCY,
  formatAppliesTo,
  upgradeCatalog,
  withDefaults,
} from "./defaults";
export { parseCsv, toCsv } from "./csv";
export { CATALOG_MESSAGES, type CatalogIssueCode } from "./load-messages";
