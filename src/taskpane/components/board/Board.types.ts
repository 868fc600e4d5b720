import type { Catalog } from "../../../domain/types";
import type { BoardClient } from "../../api/board";
import type { Connection, PeriodInfo } from "../../api/types";

export interface BoardProps {
  connection: Connection;
  catalog: Catalog;
  /** the endpoint's reportable periods (due first) */
  periods: PeriodInfo[];
  /** a demo planner token: the board shows the demo units */
  demo: boolean;
  /** default: createBoardClient() over window.fetch */
  client?: BoardClient;
  /** where "copy" writes; default: navigator.clipboard */
  copyText?: (text: string) => Promise<void>;
  /** where "export" goes; default: a downloaded file */
  download?: (name: string, text: string) => void;
}

export interface BoardMessage {
  intent: "success" | "error" | "info" | "warning";
  text: string;
  /** lines under the message (e.g. the reports a bulk accept could not accept) */
  lines?: string[];
}
