import type * as React from "react";
import type { Catalog, Locale, Unit } from "../../domain/types";
import type { WorkbookPort } from "../../workbook/port";
import type { PreviewWorkbook } from "../../workbook/preview/preview-workbook";
import type { ApiClient, Connection, PeriodInfo } from "../api";
import type { AppTiming } from "../App.types";
import type { ConnectionStatus } from "../hooks/useConnection";
import type { OfflineQueueState, QueueCallbacks } from "../hooks/useOfflineQueue";

/** A queue event that arrived before the report section was here (replayed once it mounts). */
export type MissedQueueEvent =
  | { kind: "sent"; data: Parameters<QueueCallbacks["sent"]>[0] }
  | { kind: "rejected"; data: Parameters<QueueCallbacks["rejected"]>[0] };

/** What the App hands the report section, which is loaded after the connect screen. */
export interface ReportSectionProps {
  workbook: WorkbookPort;
  api: ApiClient;
  preview: PreviewWorkbook | null;
  timing?: AppTiming;
  locale: Locale;
  /** the connected unit (null for a planner token or while connecting) */
  unit: Unit | null;
  connection: Connection | null;
  connectionStatus: ConnectionStatus;
  catalog: Catalog | null;
  catalogVersion: string | null;
  periods: PeriodInfo[];
  demo: boolean;
  periodChoice: string;
  onPeriodChoice: React.Dispatch<React.SetStateAction<string>>;
  queue: OfflineQueueState;
  /** the App's queue forwards sent/rejected events here; events from before the section mounted are in `missed` */
  queueCallbacks: React.RefObject<QueueCallbacks | null>;
  missed: React.RefObject<MissedQueueEvent[]>;
}
