/** buildConsolidatedSpec: the five sheets of the consolidated workbook, from a consolidation view. */
import { hanoiDateTime } from "../../domain";
import type { ConsolidationView } from "../../domain/scorecard";
import { fitRowHeights } from "./cells";
import { chartsSheet } from "./charts";
import { completenessSheet } from "./completeness";
import { matrixSheet } from "./matrix";
import { narrativesSheet } from "./narratives";
import { scorecardSheet } from "./scorecard";
import type { ConsolidatedOptions, ConsolidatedSpec } from "./spec";
import { CONSOLIDATED_STYLES } from "./styles";
import { summarySheet } from "./summary";
import { tasksSheet } from "./tasks";

export function buildConsolidatedSpec(view: ConsolidationView, opts: ConsolidatedOptions = {}): ConsolidatedSpec {
  const note =
    `${view.source === "endpoint" ? "Nguồn: máy chủ Chỉ tiêu" : "Nguồn: tệp báo cáo của đơn vị"} · ${view.group.name.vi} · ` +
    `lập lúc ${hanoiDateTime(view.generatedAt)} (giờ Hà Nội) / ` +
    `${view.source === "endpoint" ? "Source: Chỉ tiêu endpoint" : "Source: unit workbooks"} · ${view.group.name.en} · ` +
    `made ${hanoiDateTime(view.generatedAt)} (Hanoi time)`;
  const sheets = [
    summarySheet(view, note),
    matrixSheet(view, note),
    completenessSheet(view, note),
    scorecardSheet(view, note),
    chartsSheet(view, note, opts),
    narrativesSheet(view, note),
    ...(opts.taskBoard ? [tasksSheet(opts.taskBoard, view.period, note)] : []),
  ];
  for (const s of sheets) s.rowHeights = fitRowHeights(s, CONSOLIDATED_STYLES);
  return { period: view.period.id, generatedAt: view.generatedAt, styles: CONSOLIDATED_STYLES, sheets };
}
