/**
 * Planner mode (issue 6), mounted in the App's `planner` slot and loaded only when a planner token connects, so the
 * clerks' start-up bundle stays small. In Excel the consolidation is written into the open workbook (Office.js); in the
 * browser preview it is written as an .xlsx file (ExcelJS, loaded on demand) and downloaded.
 */
import * as React from "react";
import type { ConsolidatedSpec } from "../workbook/consolidated";
import type { WriteConsolidatedResult } from "../workbook/office/write-consolidated";
import type { AppProps, PlannerSlotData } from "./App.types";
import type { PlannerPaneProps } from "./components/planner";
import { lazyView } from "./lazy-view";

type WriteOptions = Parameters<PlannerPaneProps["writeConsolidated"]>[1];

const PlannerPane = React.lazy(() => import("./components/planner").then((m) => ({ default: m.PlannerPane })));
// issue 18: the review board, with the consolidation as its second view (a chunk of its own)
const PlannerModes = React.lazy(() =>
  import(/* webpackChunkName: "board" */ "./components/board").then((m) => ({ default: m.PlannerModes })),
);

// issue 19: the key-task board, planner mode's third view (a chunk of its own, fetched when first opened)
const TaskBoardView = lazyView(() =>
  import(/* webpackChunkName: "task-board" */ "./components/task-board").then((m) => m.TaskBoardView),
).View;

async function writeInExcel(spec: ConsolidatedSpec, opts: WriteOptions): Promise<WriteConsolidatedResult> {
  const { writeConsolidated } = await import("../workbook/office/write-consolidated");
  return writeConsolidated(spec, opts);
}

async function writeAsDownload(spec: ConsolidatedSpec, opts: WriteOptions): Promise<WriteConsolidatedResult> {
  const { writeConsolidatedXlsx } = await import("../workbook/xlsx/write-consolidated");
  opts.onProgress({ done: 0, total: 1 });
  const bytes = await writeConsolidatedXlsx(spec);
  const url = URL.createObjectURL(
    new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
  );
  const a = document.createElement("a");
  a.href = url;
  a.download = `tong-hop-${spec.period}.xlsx`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  opts.onProgress({ done: 1, total: 1 });
  return {
    syncs: 0,
    chunks: 1,
    chunkBytes: [bytes.length],
    replaced: [],
    sheets: spec.sheets.map((s) => s.name),
    // the .xlsx writer draws every chart of the spec natively
    charts: spec.sheets.reduce((n, s) => n + s.charts.length, 0),
  };
}

export function renderPlannerSlot(host: "excel" | null): NonNullable<AppProps["planner"]> {
  const renderPlanner = (data: PlannerSlotData): React.ReactNode => (
    <React.Suspense fallback={null}>
      <PlannerModes
        connection={data.connection}
        catalog={data.catalog}
        periods={data.periods}
        demo={data.me.demo}
        consolidate={renderConsolidation(data)}
        tasks={<TaskBoardView connection={data.connection} periods={data.periods} demo={data.me.demo} />}
      />
    </React.Suspense>
  );
  const renderConsolidation = (data: PlannerSlotData): React.ReactNode => (
    <React.Suspense fallback={null}>
      <PlannerPane
        connection={data.connection}
        catalog={data.catalog}
        defaultPeriod={data.periods[0]?.id}
        writeConsolidated={host === "excel" ? writeInExcel : writeAsDownload}
        readWorkbook={async (bytes) => {
          // the unit list is the planner pane's own default (the domain's registry), kept out of the start-up chunk
          const [{ readWorkbookInBrowser }, { defaultUnitRegistry }] = await Promise.all([
            import("../workbook/xlsx/browser-inflate"),
            import("../domain/units"),
          ]);
          return readWorkbookInBrowser(bytes, { catalog: data.catalog, units: defaultUnitRegistry() });
        }}
      />
    </React.Suspense>
  );
  return renderPlanner;
}
