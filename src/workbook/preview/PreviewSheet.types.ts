import type * as React from "react";
import type { Locale } from "../../domain/types";
import type { TemplateSpec } from "../template";
import type { CellValue, PreviewWorkbook } from "./preview-workbook";

export interface PreviewSheetLabels {
  sheet: string;
  download: string;
  downloading: string;
  downloadFailed: (detail: string) => string;
  empty: string;
  cell: (cell: string) => string;
}

export interface PreviewSheetProps {
  workbook: PreviewWorkbook;
  locale: Locale;
  labels: PreviewSheetLabels;
  /** writes and downloads the .xlsx (default: the template's ExcelJS writer, loaded on demand) */
  download?: (spec: TemplateSpec, values: Readonly<Record<string, CellValue>>) => Promise<string>;
}

export interface GridCellView {
  /** "Nhap!G12" */
  address: string;
  column: string;
  colSpan: number;
  text: string;
  input: { label: string; value: string } | null;
  style: React.CSSProperties;
  mark: "error" | "warning" | "info" | null;
  title: string | undefined;
  header: boolean;
}

export interface GridRowView {
  row: number;
  cells: GridCellView[];
}

export interface GridInputProps {
  address: string;
  label: string;
  value: string;
  invalid: boolean;
  className: string;
  registerInput: PreviewSheetState["registerInput"];
  onCommit: PreviewSheetState["handleCommit"];
}

export interface PreviewSheetState {
  labels: PreviewSheetLabels;
  /** stable between renders: what every row needs */
  rowContext: { registerInput: PreviewSheetState["registerInput"]; handleCommit: PreviewSheetState["handleCommit"] };
  hasSheet: boolean;
  sheetName: string;
  title: string[];
  columns: { letter: string; width: number }[];
  rows: GridRowView[];
  downloading: boolean;
  downloadError: string | null;
  registerInput: (address: string, el: HTMLInputElement | null) => void;
  /** a cell's new text is final (Enter or leaving the cell), as in Excel */
  handleCommit: (ev: React.SyntheticEvent, data: { address: string; text: string }) => void;
  handleDownload: (ev: React.MouseEvent) => void;
}
