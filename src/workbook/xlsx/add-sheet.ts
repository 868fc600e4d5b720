/**
 * A worksheet with its frame: tab colour, frozen panes, A4 page setup fitted to width with repeated title rows and
 * columns, column widths. Both .xlsx writers (template and consolidated workbook) start each sheet here.
 */
import type ExcelJS from "exceljs";

/** What both sheet specs (`SheetSpec`, `ConsolidatedSheet`) say about a sheet's frame. */
export interface SheetFrame {
  name: string;
  tabColor?: string;
  columnWidths: number[];
  freeze?: { rows: number; columns: number };
  print: {
    orientation: "landscape" | "portrait";
    fitToWidth: boolean;
    titleRows?: [number, number];
    titleColumns?: [string, string];
    /** pages across when fitted to width (default 1) */
    pagesWide?: number;
    /** pages down when fitted (default 0: as many as needed) */
    pagesTall?: number;
  };
}

export const argb = (rgb: string): string => `FF${rgb}`;

export function addSheet(wb: ExcelJS.Workbook, s: SheetFrame): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(s.name, {
    properties: s.tabColor ? { tabColor: { argb: argb(s.tabColor) } } : {},
    views: s.freeze ? [{ state: "frozen", xSplit: s.freeze.columns, ySplit: s.freeze.rows }] : [{}],
    pageSetup: {
      paperSize: 9, // A4
      orientation: s.print.orientation,
      fitToPage: s.print.fitToWidth,
      fitToWidth: s.print.pagesWide ?? 1,
      fitToHeight: s.print.pagesTall ?? 0,
      ...(s.print.titleRows ? { printTitlesRow: `${s.print.titleRows[0]}:${s.print.titleRows[1]}` } : {}),
      ...(s.print.titleColumns ? { printTitlesColumn: `${s.print.titleColumns[0]}:${s.print.titleColumns[1]}` } : {}),
    },
  });
  s.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  return ws;
}
