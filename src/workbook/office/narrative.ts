/**
 * The narrative sheet (ThuyetMinh) through Office.js: read its four parts (names + the sheet's used range, one sync)
 * and write them into their named cells (one sync, text kept as text — "- Đã hoàn thành" or "=…" stay text — and no
 * echo: events are silenced around the write). A workbook whose template predates the narrative gets the sheet from
 * the template repair; until then the read says "no narrative" and the write is refused naming the missing sheet
 * (CT_TEMPLATE_SHEET_MISSING).
 */
import { NARRATIVE_PARTS, type Narrative } from "../../domain";
import { workbookErrors } from "../errors";
import { readNarrative, type NarrativeRead } from "../narrative-read";
import { NARRATIVE_SHEET, narrativeName } from "../template";
import { gridSource, namesFrom, type SheetGrid } from "./grid-source";
import { runExcel } from "./run";
import { gridOf, loadUsed } from "./used-range";
import { queueNamedCells } from "./named-cells";

/** The used range of a sheet with what tells text from a date, a boolean or an error (loaded in the caller's sync). */
export function loadNarrativeRange(context: Excel.RequestContext): Excel.Range {
  return loadUsed(context.workbook.worksheets.getItemOrNullObject(NARRATIVE_SHEET));
}

/** The narrative as the sheet holds it now (one sync). */
export async function readOfficeNarrative(): Promise<NarrativeRead> {
  return runExcel("đọc thuyết minh / read the narrative", async (context) => {
    const names = context.workbook.names;
    names.load("items/name,items/formula");
    const used = loadNarrativeRange(context);
    await context.sync();
    const grids = new Map<string, SheetGrid>();
    const g = gridOf(used);
    if (g) grids.set(NARRATIVE_SHEET, g);
    return readNarrative(gridSource(grids, namesFrom(names.items)));
  });
}

/** Write the given parts into their named cells (one sync, no echo); a part left out is left as it is. */
export async function writeOfficeNarrative(parts: Partial<Narrative>): Promise<void> {
  const todo = NARRATIVE_PARTS.filter((p) => parts[p] !== undefined);
  if (todo.length === 0) return;
  await runExcel(
    "ghi thuyết minh / write the narrative",
    async (context) => {
      queueNamedCells(
        context,
        todo.map((p) => ({ name: narrativeName(p), value: parts[p] ?? null })),
      );
      try {
        await context.sync();
      } catch (e) {
        // the sheet or its names were deleted since the template was opened: say which sheet, not Excel's code
        if ((e as { code?: string }).code === "ItemNotFound") throw workbookErrors.sheetMissing(NARRATIVE_SHEET);
        throw e;
      }
    },
    { quiet: true },
  );
}
