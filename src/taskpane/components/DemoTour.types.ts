export interface DemoTourProps {
  /** writes the training sample data back into the demo workbook (the starting state of the tour) */
  onResetWorkbook: () => Promise<void>;
}
