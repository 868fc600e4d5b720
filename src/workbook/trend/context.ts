/** What every trend sheet is built from: the trend data, the catalog and unit names, the note under each title. */
import type { Catalog, Target, TrendData } from "../../domain";

export interface TrendContext {
  data: TrendData;
  catalog: Catalog;
  /** unit code → its name (vi) */
  unitNames: Map<string, string>;
  /** the source and time line under every title */
  note: string;
  /** the last year of the range (its directions and targets) */
  year: number;
  targetById: ReadonlyMap<string, Target>;
}
