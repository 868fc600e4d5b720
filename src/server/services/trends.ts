/**
 * The consolidation over a range (GET /consolidation/range): the stored basis revisions of every period the range
 * reads, fed to the domain's buildTrend() — the selection's series of every target and every unit's own figures.
 * The rules are the domain's (src/domain/series), never repeated here.
 */
import type { FastifyInstance } from "fastify";
import { buildTrend, type TrendData } from "../../domain";
import { checkSeriesAsk, reportsForRange, type SeriesAsk } from "./series";

export type TrendAsk = Omit<SeriesAsk, "targetId"> & { units: boolean; includeDemo: boolean };

export async function trendOf(app: FastifyInstance, ask: TrendAsk): Promise<TrendData> {
  const catalog = app.reference.currentCatalog;
  // the unit, group and range checks of GET /series (any target of the catalog stands for "every target")
  checkSeriesAsk(app, { ...ask, targetId: catalog.targets[0]?.id ?? "" });
  const reports = await reportsForRange(app, ask.from, ask.to, ask.basis);
  return buildTrend({
    catalog,
    registry: app.reference.registry,
    reports,
    from: ask.from,
    to: ask.to,
    ...(ask.unit ? { unitCode: ask.unit } : {}),
    ...(ask.group ? { group: ask.group } : {}),
    applicability: app.reference.applicability,
    asOf: app.clock(),
    includeDemo: ask.includeDemo,
    units: ask.units,
  });
}
