import type { Catalog, Unit, UnitRegistry } from "../../domain";
import type { PreviewWorkbook } from "../../workbook/preview/preview-workbook";
import type { ReadOptions, WorkbookRead } from "../../workbook/xlsx/read-workbook";

export interface UploadWorkbookProps {
  preview: PreviewWorkbook;
  catalog: Catalog;
  unit: Unit;
  units: UnitRegistry;
  /** the report was loaded: open it for this period */
  onLoaded: (period: string) => void;
  /** the reader (default: the browser one, loaded when a file is chosen) */
  readWorkbook?: (bytes: Uint8Array, opts: ReadOptions) => Promise<WorkbookRead>;
}
