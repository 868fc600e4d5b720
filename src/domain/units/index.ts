export { createUnitRegistry, defaultUnits, defaultUnitRegistry, targetsForUnit } from "./registry";
export { expectedIn, expectedUnits, reportsIn, type UnitSelection } from "./expected";
export { COMMUNE_ROWS, DEPARTMENT_ROWS, CITY_TARGET_IDS } from "./units-data";
