import * as React from "react";
import { formatNumber, type Locale } from "../../domain";
import {
  ENTRY_COLUMNS,
  ENTRY_ROWS,
  STATUS_FORMATS,
  columnLetters,
  parseEntryName,
  splitAddress,
  statusText,
  type CellSpec,
  type SheetSpec,
  type TemplateSpec,
} from "../template";
import { downloadPreviewXlsx } from "./download";
import type { CellValue, PreviewSnapshot } from "./preview-workbook";
import type { GridCellView, GridRowView, PreviewSheetProps, PreviewSheetState } from "./PreviewSheet.types";

/** A cell without a fill or a font colour in the spec looks as Excel draws it: black on white. */
export const SHEET_DEFAULTS = { fill: "FFFFFF", fontColor: "000000" } as const;

/**
 * The one formula the template writes (a ratio target's computed value), evaluated as Excel would:
 * IF(AND(ISNUMBER(H6),ISNUMBER(I6),I6>0),H6/I6*100,"") — a number only when both cells hold numbers.
 */
const RATIO_FORMULA =
  /^IF\(AND\(ISNUMBER\(([A-Z]+\d+)\),ISNUMBER\(([A-Z]+\d+)\),[A-Z]+\d+>0\),[A-Z]+\d+\/[A-Z]+\d+(?:\*(\d+(?:\.\d+)?))?,""\)$/;

export function evaluateFormula(formula: string, valueAt: (address: string) => CellValue): CellValue {
  const m = RATIO_FORMULA.exec(formula);
  if (!m) return `=${formula}`;
  const n = valueAt(m[1]);
  const d = valueAt(m[2]);
  if (typeof n !== "number" || typeof d !== "number" || !(d > 0)) return "";
  return (n / d) * (m[3] ? Number(m[3]) : 1);
}

function show(v: CellValue, locale: Locale): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return formatNumber(v, locale, 4);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v;
}

function mergeSpans(sheet: SheetSpec): Map<string, number> {
  const spans = new Map<string, number>();
  for (const m of sheet.merges) {
    const [a, b] = m.split(":");
    const s = splitAddress(a);
    const e = splitAddress(b);
    if (s.row !== e.row) continue;
    const start = s.column.charCodeAt(0) - 64;
    const end = e.column.charCodeAt(0) - 64;
    spans.set(a, end - start + 1);
  }
  return spans;
}

function buildRows(
  spec: TemplateSpec,
  snapshot: PreviewSnapshot,
  locale: Locale,
  labels: PreviewSheetProps["labels"],
): { rows: GridRowView[]; sheet: SheetSpec } | null {
  const sheet = spec.sheets.find((s) => s.role === "entry");
  if (!sheet) return null;
  const byAddress = new Map<string, CellSpec>(sheet.cells.map((c) => [c.address, c]));
  const names = new Map<string, { targetId: string; field: string }>();
  for (const n of spec.names) {
    const p = parseEntryName(n.name);
    if (p && n.sheet === sheet.name) names.set(n.address, p);
  }
  const valueAt = (address: string): CellValue => {
    const at = names.get(address);
    if (at) return snapshot.values[`${at.targetId}|${at.field}`] ?? null;
    return byAddress.get(address)?.value ?? null;
  };
  const spans = mergeSpans(sheet);
  const rowTarget = new Map(Object.entries(spec.entry.rows).map(([id, row]) => [row, id]));
  const width = sheet.columnWidths.length;
  const header = new Set<number>([ENTRY_ROWS.headerVi, ENTRY_ROWS.headerEn]);
  const checkColumn: string = ENTRY_COLUMNS.check;
  const rows: GridRowView[] = [];
  for (let r = ENTRY_ROWS.headerVi; r <= spec.entry.lastRow; r++) {
    const cells: GridCellView[] = [];
    for (let c = 1; c <= width;) {
      const column = columnLetters(c);
      const address = `${column}${r}`;
      const full = `${sheet.name}!${address}`;
      const cell = byAddress.get(address);
      const span = spans.get(address) ?? 1;
      const style = cell ? spec.styles[cell.style] : undefined;
      const mark = snapshot.marks[full];
      const at = names.get(address);
      const value = at
        ? valueAt(address)
        : cell?.formula
          ? evaluateFormula(cell.formula, valueAt)
          : (cell?.value ?? null);
      const entryLabel = at ? `${labels.cell(full)} — ${at.targetId} ${at.field}` : "";
      cells.push({
        address: full,
        column,
        colSpan: span,
        text: show(value, locale),
        input: at ? { label: entryLabel, value: show(value, locale) } : null,
        style: {
          // the workbook's own colours — a sheet is white with black text whatever the pane's theme, as in Excel
          backgroundColor: `#${style?.fill ?? SHEET_DEFAULTS.fill}`,
          color: `#${style?.fontColor ?? SHEET_DEFAULTS.fontColor}`,
          fontWeight: style?.bold ? 600 : undefined,
          fontStyle: style?.italic ? "italic" : undefined,
          textAlign: style?.hAlign,
        },
        mark: mark?.severity ?? null,
        title: mark ? mark.messages.join("\n") : undefined,
        header: header.has(r),
      });
      c += span;
    }
    // the status and check columns, as the Office port writes them from the assessments and issues
    const targetId = rowTarget.get(r);
    const check = cells.find((x) => x.column === checkColumn);
    if (check && targetId) check.text = (snapshot.notes[targetId] ?? []).join("\n");
    const statusCell = cells.find((x) => x.column === ENTRY_COLUMNS.status);
    const progress = targetId ? snapshot.status[targetId] : undefined;
    if (statusCell && progress) {
      statusCell.text = statusText(progress);
      const colours = progress === "no_data" ? undefined : STATUS_FORMATS[progress];
      if (colours)
        statusCell.style = { ...statusCell.style, backgroundColor: `#${colours.fill}`, color: `#${colours.fontColor}` };
    }
    rows.push({ row: r, cells });
  }
  return { rows, sheet };
}

export function usePreviewSheet(props: PreviewSheetProps): PreviewSheetState {
  const { workbook, locale, labels } = props;
  const snapshot = React.useSyncExternalStore(workbook.subscribe, workbook.getSnapshot, workbook.getSnapshot);
  const [downloading, setDownloading] = React.useState(false);
  const [downloadError, setDownloadError] = React.useState<string | null>(null);
  const inputs = React.useRef(new Map<string, HTMLInputElement>());

  // rows that did not change keep their object, so their memoized render is skipped
  const rowCache = React.useRef(new Map<number, { signature: string; row: GridRowView }>());
  const built = React.useMemo(() => {
    if (!snapshot.spec) return null;
    const fresh = buildRows(snapshot.spec, snapshot, locale, labels);
    if (!fresh) return null;
    const rows = fresh.rows.map((row) => {
      const signature = JSON.stringify(row);
      const cached = rowCache.current.get(row.row);
      if (cached && cached.signature === signature) return cached.row;
      rowCache.current.set(row.row, { signature, row });
      return row;
    });
    return { sheet: fresh.sheet, rows };
  }, [snapshot, locale, labels]);

  // selectCell: bring the cell into view and put the cursor in it
  React.useEffect(() => {
    if (!snapshot.selected) return;
    const el = inputs.current.get(snapshot.selected.address);
    if (el) {
      el.scrollIntoView?.({ block: "center", inline: "nearest" });
      el.focus();
      el.select?.();
    }
  }, [snapshot.selected]);

  const registerInput = React.useCallback((address: string, el: HTMLInputElement | null) => {
    if (el) inputs.current.set(address, el);
    else inputs.current.delete(address);
  }, []);

  const handleCommit = React.useCallback(
    (_ev: React.SyntheticEvent, data: { address: string; text: string }) => workbook.editCell(data.address, data.text),
    [workbook],
  );

  const download = props.download ?? downloadPreviewXlsx;
  const handleDownload = React.useCallback(() => {
    if (!snapshot.spec) return;
    setDownloading(true);
    setDownloadError(null);
    download(snapshot.spec, snapshot.values)
      .catch((e: unknown) => setDownloadError(labels.downloadFailed(e instanceof Error ? e.message : String(e))))
      .finally(() => setDownloading(false));
  }, [download, snapshot, labels]);

  const spec = snapshot.spec;
  const titleCells =
    spec && built
      ? built.sheet.cells
          .filter((c) => splitAddress(c.address).row < ENTRY_ROWS.headerVi && c.value !== null)
          .map((c) => String(c.value))
      : [];
  const rowContext = React.useMemo(() => ({ registerInput, handleCommit }), [registerInput, handleCommit]);
  return {
    labels,
    rowContext,
    hasSheet: Boolean(built),
    sheetName: built?.sheet.name ?? "",
    title: titleCells,
    columns: built
      ? built.sheet.columnWidths.map((w, i) => ({ letter: columnLetters(i + 1), width: Math.round(w * 7 + 12) }))
      : [],
    rows: built?.rows ?? [],
    downloading,
    downloadError,
    registerInput,
    handleCommit,
    handleDownload,
  };
}
