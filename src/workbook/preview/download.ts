/**
 * "Download .xlsx" of the preview: the template spec with the workbook's values, written by the template's own ExcelJS
 * writer. The writer (and ExcelJS with it) is loaded with import() only when asked, so it never weighs on the pane's
 * start-up bundle.
 */
import type { TemplateSpec } from "../template";
import { specWithValues, type CellValue } from "./preview-workbook";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function xlsxFileName(spec: TemplateSpec): string {
  const { unitCode, period, demo } = spec.identity;
  return `chitieu-${unitCode}-${period}${demo ? "-demo" : ""}.xlsx`.replace(/[^\w.-]+/g, "_");
}

/** Writes the .xlsx bytes of the preview workbook. */
export async function previewXlsxBytes(
  spec: TemplateSpec,
  values: Readonly<Record<string, CellValue>>,
): Promise<Uint8Array> {
  const { writeTemplateXlsx } = await import(/* webpackChunkName: "xlsx-writer" */ "../xlsx/write-template");
  return writeTemplateXlsx(specWithValues(spec, values));
}

/** Writes the file and hands it to the browser as a download; returns the file name. */
export async function downloadPreviewXlsx(
  spec: TemplateSpec,
  values: Readonly<Record<string, CellValue>>,
  doc: Document = document,
): Promise<string> {
  const bytes = await previewXlsxBytes(spec, values);
  const name = xlsxFileName(spec);
  const blob = new Blob([bytes as BlobPart], { type: XLSX_MIME });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  doc.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
