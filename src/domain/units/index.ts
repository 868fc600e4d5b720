export { createUnitRegistry, defaultUnits, defaultUnitRegistry, targetsForUnit } from "./registry";
export { COMMUNE_ROWS, DEPARTMENT_ROWS, CITY_TARGET_IDS } from "./units-data";
