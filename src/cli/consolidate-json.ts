/**
 * What `chitieu consolidate --json` prints: per target the city value, sums, status, units included and missing; the
 * files' counts and verdicts; the scorecard; and the period's task board (from the endpoint or from the files).
 */
import type { TaskBoard } from "../domain";
import type { ConsolidationResult, ConsolidationView } from "../domain/scorecard";

/** The task board as --json prints it: the lists, then one compact row per task. */
function jsonTasks(board: TaskBoard) {
  return {
    counts: board.counts,
    overdue: board.overdue,
    noUpdate: board.noUpdate,
    disagreements: board.disagreements,
    rows: board.rows.map((r) => ({
      taskId: r.task.id,
      leadUnitCode: r.task.leadUnitCode,
      deadline: r.task.deadline,
      state: r.state,
      reportedState: r.reportedState,
      percent: r.progress?.percent ?? null,
      productDelivered: r.progress?.productDelivered ?? null,
      lastUpdate: r.lastUpdate,
      overdue: r.overdue,
      updatedThisPeriod: r.updatedThisPeriod,
      disagreement: r.disagreement,
    })),
  };
}

/** Per target: what --json prints; `tasks`, the period's task board (null when there is none). */
export function jsonResult(view: ConsolidationView, result: ConsolidationResult | null, board?: TaskBoard | null) {
  return {
    period: view.period.id,
    group: view.group.id,
    source: view.source,
    catalogVersion: view.catalog.version,
    generatedAt: view.generatedAt,
    completeness: view.completeness.totals,
    files: result
      ? {
          ...result.counts,
          rejected: result.files
            .filter((f) => f.status === "rejected")
            .map((f) => ({ file: f.source, reasons: f.reasons })),
          duplicates: result.duplicates,
        }
      : null,
    targets: view.figures.map((f) => ({
      targetId: f.targetId,
      aggregation: f.aggregation,
      value: f.value,
      numeratorSum: f.numeratorSum,
      denominatorSum: f.denominatorSum,
      milestone: f.milestone,
      status: f.progress,
      unitsExpected: f.unitsExpected.length,
      unitsIncluded: f.unitsIncluded,
      unitsMissing: f.unitsMissing,
      unitsNotApplicable: f.unitsNotApplicable ?? [],
    })),
    scorecard: {
      total: view.scorecard.total,
      byGroup: view.scorecard.byGroup,
      byBottleneck: view.scorecard.byBottleneck,
    },
    tasks: board ? jsonTasks(board) : null,
  };
}
