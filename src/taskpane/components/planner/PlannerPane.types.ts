import type * as React from "react";
import type { Catalog, UnitRegistry } from "../../../domain/types";
import type {
  ConsolidationResult,
  CompletenessTotals,
  FileVerdict,
  DuplicateGroup,
  ProgressCounts,
} from "../../../domain/scorecard";
import type { ConsolidatedSpec } from "../../../workbook/consolidated";
import type { WriteConsolidatedResult, WriteProgress } from "../../../workbook/office/write-consolidated";
import type { WorkbookRead } from "../../../workbook/xlsx/read-workbook";
import type { Connection } from "../../api/types";
import type { I18n } from "../../i18n";

export interface PlannerPaneProps {
  /** endpoint and planner token, from the connection screen */
  connection: Connection;
  /** the catalog in force on the endpoint */
  catalog: Catalog;
  /** the unit registry (names, groups); default: the built-in units */
  units?: UnitRegistry;
  /** the period proposed first (e.g. the first due period), as "2026-Q1" */
  defaultPeriod?: string;
  /** writes the consolidated workbook into the open workbook: office/write-consolidated's writeConsolidated */
  writeConsolidated: (
    spec: ConsolidatedSpec,
    opts: { onProgress: (p: WriteProgress) => void },
  ) => Promise<WriteConsolidatedResult>;
  /** reads one unit workbook in the browser: xlsx/browser-inflate's readWorkbookInBrowser bound to catalog and units */
  readWorkbook: (bytes: Uint8Array) => Promise<WorkbookRead>;
  /** default: window.fetch */
  fetch?: typeof fetch;
  /** default: () => new Date() */
  now?: () => Date;
  /** called after a consolidation was written */
  onWritten?: (ev: null, data: { result: WriteConsolidatedResult; totals: CompletenessTotals }) => void;
}

export type PlannerPhase =
  | { kind: "idle" }
  | { kind: "fetching" }
  | { kind: "reading"; done: number; total: number }
  | { kind: "writing"; done: number; total: number }
  | { kind: "done"; result: WriteConsolidatedResult; totals: CompletenessTotals; scorecard: ProgressCounts }
  | { kind: "error"; error: unknown };

export interface PlannerPaneState {
  i18n: I18n;
  period: string;
  periodError: string | undefined;
  group: string;
  /** the registry's unit groups, named in the pane's language */
  groups: { id: string; label: string }[];
  basis: "latest" | "accepted";
  /** the target whose spread across units is charted; "" = the ratio target most units reported */
  spreadTarget: string;
  /** the targets that can be charted across units (every target but milestones) */
  spreadTargets: { id: string; label: string }[];
  phase: PlannerPhase;
  busy: boolean;
  /** the consolidation of the chosen files, once read */
  files: ConsolidationResult | null;
  rejected: FileVerdict[];
  skipped: FileVerdict[];
  conflicts: DuplicateGroup[];
  confirmOpen: boolean;
  canWriteFiles: boolean;
  text: (key: import("../../i18n").PlannerTextKey, params?: Record<string, string | number>) => string;
  handlePeriodChange: (ev: React.ChangeEvent<HTMLInputElement>, data: { value: string }) => void;
  handleGroupChange: (ev: React.ChangeEvent<HTMLSelectElement>, data: { value: string }) => void;
  handleBasisChange: (ev: React.ChangeEvent<HTMLSelectElement>, data: { value: string }) => void;
  handleSpreadTargetChange: (ev: React.ChangeEvent<HTMLSelectElement>, data: { value: string }) => void;
  handleConsolidate: (ev: React.SyntheticEvent) => void;
  handleFilesChange: (ev: React.ChangeEvent<HTMLInputElement>) => void;
  handlePreferNewer: (ev: React.SyntheticEvent) => void;
  handleConfirm: (ev: React.SyntheticEvent) => void;
  handleCancel: (ev: React.SyntheticEvent) => void;
  handleWriteFiles: (ev: React.SyntheticEvent) => void;
}
