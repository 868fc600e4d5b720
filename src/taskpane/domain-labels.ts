/**
 * The progress and milestone labels the pane shows: the very texts the template writes into the sheet's status and
 * milestone cells, from the one place they live today (src/workbook/labels-tmp.ts). When src/domain exports
 * PROGRESS_LABELS and MILESTONE_LABELS, this becomes `export { MILESTONE_LABELS, PROGRESS_LABELS } from "../domain";`.
 */
export { MILESTONE_LABELS, PROGRESS_LABELS } from "../workbook/labels-tmp";
