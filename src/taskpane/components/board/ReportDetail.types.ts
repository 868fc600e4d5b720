import type * as React from "react";
import type { Catalog } from "../../../domain/types";
import type { BoardClient, BoardUnit } from "../../api/board";
import type { Connection } from "../../api/types";
import type { BoardMessage } from "./Board.types";

export interface ReportDetailProps {
  client: BoardClient;
  connection: Connection;
  catalog: Catalog;
  unit: BoardUnit;
  period: string;
  /** "Phường Ba Đình (00004)" */
  unitName: string;
  onBack: (ev: React.SyntheticEvent) => void;
  /** an action was done (or failed): the board shows the message */
  onDone: (ev: null, data: { message: BoardMessage }) => void;
}
