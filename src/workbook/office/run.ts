/**
 * One user action = one Excel.run. Failures come back as AppErrors the pane can show in Vietnamese and English —
 * never only as a console line.
 */
import { isAppError } from "../../domain/errors";
import { workbookErrors } from "../errors";

export async function runExcel<T>(action: string, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await Excel.run(batch);
  } catch (e) {
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
