/**
 * Reading the narrative sheet (ThuyetMinh) of a filled template, whatever holds the cells: the .xlsx reader and the
 * Office.js reader both hand in their CellSource. A part is found by its defined name (CT_narrative_results…), else
 * at its template cell; a workbook without the sheet (made before the narrative existed) has no narrative, and that
 * is not an error. Over-long text, a forbidden character, a date, a boolean or an error value is a CellProblem naming
 * the cell, as on the other sheets.
 */
import { NARRATIVE_MAX, NARRATIVE_PARTS, forbiddenCharacter, type Narrative, type NarrativePart } from "../domain";
import type { CellProblem, CellSource } from "./locate";
import { NARRATIVE_SHEET, narrativeAddress, narrativeName, type TemplateSpec } from "./template";

export interface NarrativeRead {
  /** null when the workbook has no narrative sheet or every part is blank */
  narrative: Narrative | null;
  /** where each part is in this workbook, "ThuyetMinh!C4" */
  cells: Record<NarrativePart, string>;
  problems: CellProblem[];
}

function refOf(src: CellSource, part: NarrativePart): { sheet: string; address: string } {
  const ref = src.names.get(narrativeName(part));
  if (ref && src.hasSheet(ref.sheet)) return { sheet: ref.sheet, address: `${ref.column}${ref.row}` };
  return { sheet: NARRATIVE_SHEET, address: narrativeAddress(part) };
}

/** The narrative a spec's ThuyetMinh cells hold (the preview workbook keeps it there), read with the same rules. */
export function narrativeOfSpec(spec: TemplateSpec): NarrativeRead {
  const sheet = spec.sheets.find((s) => s.name === NARRATIVE_SHEET);
  const at = new Map((sheet?.cells ?? []).map((c) => [c.address, c.value]));
  return readNarrative({
    value: (name, address) => (name === NARRATIVE_SHEET ? (at.get(address) ?? null) : null),
    isPercent: () => false,
    hasSheet: (name) => name === NARRATIVE_SHEET && !!sheet,
    names: new Map(),
    idRows: new Map(),
  });
}

/** The spec with the given narrative parts in its ThuyetMinh cells (parts left out keep their value). */
export function specWithNarrative(spec: TemplateSpec, parts: Partial<Narrative>): TemplateSpec {
  const addresses = new Map(NARRATIVE_PARTS.map((p) => [narrativeAddress(p), p]));
  return {
    ...spec,
    sheets: spec.sheets.map((s) =>
      s.name !== NARRATIVE_SHEET
        ? s
        : {
            ...s,
            cells: s.cells.map((c) => {
              const p = addresses.get(c.address);
              return p && parts[p] !== undefined ? { ...c, value: parts[p] } : c;
            }),
          },
    ),
  };
}

export function readNarrative(src: CellSource): NarrativeRead {
  const cells = {} as Record<NarrativePart, string>;
  const out = {} as Narrative;
  const problems: CellProblem[] = [];
  let any = false;
  for (const part of NARRATIVE_PARTS) {
    const { sheet, address } = refOf(src, part);
    const cell = `${sheet}!${address}`;
    cells[part] = cell;
    out[part] = null;
    if (!src.hasSheet(sheet)) continue;
    const kind = src.kind?.(sheet, address) ?? null;
    const v = src.value(sheet, address);
    if (kind && kind !== "badText") {
      problems.push({ targetId: null, field: part, cell, kind, found: String(v) });
      continue;
    }
    if (v === null || v === undefined) continue;
    const text = String(v).trim().normalize("NFC");
    if (text === "") continue;
    if (forbiddenCharacter(text)) problems.push({ targetId: null, field: part, cell, kind: "badText", found: text });
    else if (text.length > NARRATIVE_MAX)
      problems.push({ targetId: null, field: part, cell, kind: "tooLong", found: String(text.length) });
    else {
      out[part] = text;
      any = true;
    }
  }
  return { narrative: any ? out : null, cells, problems };
}
