/**
 * One user action = one Excel.run. Failures come back as AppErrors the pane can show in Vietnamese and English —
 * never only as a console line.
 */
import { isAppError } from "../../domain/errors";
import { workbookErrors } from "../errors";

export async function runExcel<T>(
  action: string,
  batch: (context: Excel.RequestContext) => Promise<T>,
  opts: { quiet?: boolean } = {},
): Promise<T> {
  try {
    return await Excel.run(batch);
  } catch (e) {
    // a batch that failed between silence() and its end left events off for the whole add-in: turn them back on
    if (opts.quiet) await Excel.run((context) => loud(context)).catch(() => undefined);
    if (isAppError(e)) throw e;
    const detail =
      e instanceof Error
        ? `${(e as { code?: string }).code ? `${(e as { code?: string }).code}: ` : ""}${e.message}`
        : String(e);
    throw workbookErrors.excelFailed(action, detail);
  }
}

/** The items of a collection loaded and synced (a helper the load-before-read lint rule can follow). */
export function loadedItems<T>(collection: { items: T[] }): T[] {
  return collection.items;
}

/** The value of a ClientResult after its sync. */
export function resultValue<T>(result: OfficeExtension.ClientResult<T>): T {
  return result.value;
}

/**
 * The add-in's own writes must not come back as onChanged events (each would cost a full read). Call silence()
 * before the first write of a batch and unsilence() before its last sync; runExcel(…, { quiet: true }) turns events
 * back on when the batch fails in between. Runtime.enableEvents is ExcelApi 1.8, the floor the add-in requires.
 */
export function silence(context: Excel.RequestContext): void {
  context.runtime.enableEvents = false;
}

export function unsilence(context: Excel.RequestContext): void {
  context.runtime.enableEvents = true;
}

async function loud(context: Excel.RequestContext): Promise<void> {
  context.runtime.enableEvents = true;
  await context.sync();
}
