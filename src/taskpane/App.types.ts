import type * as React from "react";
import type { Locale } from "../domain/types";
import type { WorkbookPort } from "../workbook/port";
import type { PreviewWorkbook } from "../workbook/preview/preview-workbook";
import type { ApiClient, Connection, Me, PeriodInfo } from "./api";
import type { ConnectData } from "./hooks/useConnection";
import type { Bilingual, Catalog } from "../domain/types";

export interface AppTiming {
  writeDelayMs?: number;
  markDelayMs?: number;
  retryDelayMs?: (attempt: number) => number;
}

export interface PlannerSlotData {
  connection: Connection;
  me: Me;
  catalog: Catalog;
  periods: PeriodInfo[];
  offline: boolean;
}

export interface AppProps {
  /** the open workbook: live Excel (src/workbook/office) or the in-browser preview (src/workbook/preview) */
  workbook: WorkbookPort;
  api: ApiClient;
  /** the pane's language at start; a later value (Office's display language, known once office.js answers) is taken */
  initialLocale: Locale;
  onLocaleChange?: (ev: React.SyntheticEvent | null, data: { locale: Locale }) => void;
  /** outside Excel: the preview workbook, whose entry sheet is shown beside the pane */
  preview?: PreviewWorkbook | null;
  /**
   * outside Excel, known before the preview workbook has loaded: the pane takes the preview's layout from its first
   * screen on (default: whether `preview` is given)
   */
  previewing?: boolean;
  /** address offered on the connect form when the workbook remembers none (the page's own origin) */
  defaultEndpoint?: string;
  /**
   * what the person typed in the pre-rendered first screen (shell/) before the pane ran: it fills the form and counts
   * as their input, so a connection stored in the workbook does not replace it
   */
  typed?: ConnectData | null;
  pageOrigin?: string | null;
  /**
   * Planner mode (issue 6): what the pane shows for a planner or admin token, given the connection. Without it the
   * pane says the entry form needs a unit token.
   */
  planner?: (data: PlannerSlotData) => React.ReactNode;
  /** a problem of the host found at start, e.g. an Excel too old for the requirement set (shown plainly, both languages) */
  hostProblem?: Bilingual | null;
  timing?: AppTiming;
}
