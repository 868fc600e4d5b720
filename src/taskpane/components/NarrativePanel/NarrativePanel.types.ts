import type { NarrativePart } from "../../../domain/report/narrative";
import type { WorkbookPort } from "../../../workbook/port";

export interface NarrativePanelProps {
  workbook: WorkbookPort;
  /** an accepted (locked) report is shown, not edited */
  readOnly: boolean;
}

export interface NarrativePanelState {
  props: NarrativePanelProps;
  /** the four parts as typed (blank as "") */
  values: Record<NarrativePart, string>;
  loaded: boolean;
  /** the workbook has no narrative sheet (or its port cannot read one) */
  unavailable: boolean;
  /** the part last written into the workbook, for the "saved" note */
  saved: NarrativePart | null;
  error: unknown;
  /** where each part is in the workbook ("ThuyetMinh!C4"), for messages */
  cells: Record<NarrativePart, string>;
  onChange: (part: NarrativePart, value: string) => void;
  onCommit: (part: NarrativePart) => void;
}
