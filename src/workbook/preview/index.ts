export { createPreviewWorkbook, specWithValues, PREVIEW_STORAGE_KEY } from "./preview-workbook";
export type { PreviewWorkbook, PreviewSnapshot, PreviewDocument, CellValue, CellMark } from "./preview-workbook";
export { PreviewSheet } from "./PreviewSheet";
export type { PreviewSheetProps, PreviewSheetLabels } from "./PreviewSheet.types";
export { downloadPreviewXlsx, previewXlsxBytes, xlsxFileName } from "./download";
