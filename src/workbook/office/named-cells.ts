/** Writing values into the template's named input cells, as every writer of the pane does it. */
import { silence, unsilence } from "./run";
import { officeCell } from "./text";

/**
 * Queues each value into its named cell, written so that Excel keeps text as text, between silence and unsilence so
 * the write raises no onChanged; the caller syncs once.
 */
export function queueNamedCells(
  context: Excel.RequestContext,
  cells: readonly { name: string; value: Parameters<typeof officeCell>[0] }[],
): void {
  silence(context);
  for (const c of cells) context.workbook.names.getItem(c.name).getRange().values = [[officeCell(c.value)]];
  unsilence(context);
}
