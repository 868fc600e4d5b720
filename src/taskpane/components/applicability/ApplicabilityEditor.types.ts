import type * as React from "react";
import type { ApplicabilityState } from "../../../domain/rules/applicability";
import type { TableIssue } from "../../../domain/rules/table-file";
import type { ApplicabilityEntry } from "../../../domain/rules/applicability";
import type { Catalog, Unit, UnitRegistry } from "../../../domain/types";
import type { Connection, UnitModel } from "../../api/types";
import type { I18n } from "../../i18n";

export interface ApplicabilityEditorProps {
  connection: Connection;
  catalog: Catalog;
  /** default: the built-in units */
  units?: UnitRegistry;
  /** the period shown first, e.g. "2026-Q1" */
  defaultPeriod?: string;
  /** default: window.fetch */
  fetch?: typeof fetch;
  /** a chosen file as table rows (default: CSV text, or the first sheet of an .xlsx read with ExcelJS) */
  readTable?: (file: File) => Promise<{ csv: string } | { rows: string[][] }>;
}

export interface TargetRowView {
  targetId: string;
  title: string;
  /** in force for the period shown */
  current: ApplicabilityState;
  /** what the select shows: the pending change, else the current state */
  value: ApplicabilityState;
  changed: boolean;
  /** "Áp dụng · mặc định theo danh mục · kỳ này phải báo cáo" */
  detail: string;
  /** the planner's note of the choice in force */
  note: string | null;
}

export type ImportState =
  | { kind: "none" }
  | { kind: "reading" }
  | { kind: "bad"; issues: TableIssue[] }
  | { kind: "ready"; rows: ApplicabilityEntry[]; file: string };

export interface ApplicabilityEditorState {
  i18n: I18n;
  period: string;
  periodError: string | undefined;
  query: string;
  matches: Unit[];
  unit: Unit | null;
  model: UnitModel | null;
  rows: TargetRowView[];
  loading: boolean;
  busy: boolean;
  error: unknown;
  message: string | null;
  from: string;
  fromError: string | undefined;
  note: string;
  pending: number;
  importState: ImportState;
  handlePeriod: (ev: React.ChangeEvent<HTMLInputElement>, data: { value: string }) => void;
  handleQuery: (ev: React.ChangeEvent<HTMLInputElement>, data: { value: string }) => void;
  handlePick: (ev: React.SyntheticEvent, data: { unitCode: string }) => void;
  handleState: (ev: React.ChangeEvent<HTMLSelectElement>, data: { targetId: string; value: string }) => void;
  handleFrom: (ev: React.ChangeEvent<HTMLInputElement>, data: { value: string }) => void;
  handleNote: (ev: React.ChangeEvent<HTMLInputElement>, data: { value: string }) => void;
  handleSave: (ev: React.SyntheticEvent) => void;
  handleFile: (ev: React.ChangeEvent<HTMLInputElement>) => void;
  handleImport: (ev: React.SyntheticEvent) => void;
}
