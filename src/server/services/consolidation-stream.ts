/**
 * The consolidation exports as streams: the same bytes as `consolidationToCsv()`, `consolidationToDhis2()` and the
 * JSON the response schema would serialise, written one unit at a time. Each unit's revision is unpacked only when
 * its turn comes, the stream waits while the client is slow (backpressure), and the event loop is handed back
 * between units, so a 30 MB export neither holds 30 MB of text nor keeps `/health` or a submission waiting.
 */
import { Readable } from "node:stream";
import type { Catalog, Period } from "../../domain/types";
import { ConsolidationResponse } from "../schemas";
import {
  CSV_HEADER,
  csvCityLines,
  csvUnitLines,
  dhis2Period,
  dhis2Values,
  matrixRow,
  targetsById,
  yieldToLoop,
  type ConsolidationPlan,
} from "./consolidation";

export type ExportFormat = "json" | "csv" | "dhis2";

const HEAD_KEYS = {
  period: true,
  group: true,
  basis: true,
  catalogVersion: true,
  unitsExpected: true,
  unitsIncluded: true,
  unitsMissing: true,
} as const;
const Head = ConsolidationResponse.pick(HEAD_KEYS);
const MatrixRowSchema = ConsolidationResponse.shape.matrix.element;
const Figures = ConsolidationResponse.shape.figures;

/** Text chunks of one export: a head, one chunk per included unit, a tail. */
async function* chunks(plan: ConsolidationPlan, format: ExportFormat, catalog: Catalog, period: Period) {
  if (format === "csv") {
    const names = targetsById(catalog);
    yield CSV_HEADER;
    for (const unit of plan.included) {
      await yieldToLoop();
      yield csvUnitLines(matrixRow(unit), names);
    }
    yield csvCityLines(plan.figures, names);
    return;
  }
  if (format === "dhis2") {
    const pe = dhis2Period(period);
    yield '{"dataValues":[';
    let first = true;
    for (const unit of plan.included) {
      await yieldToLoop();
      const values = dhis2Values(matrixRow(unit), pe);
      if (values.length === 0) continue;
      const text = JSON.stringify(values).slice(1, -1);
      yield first ? text : `,${text}`;
      first = false;
    }
    yield "]}";
    return;
  }
  // JSON: the keys in the response schema's order, each part encoded by its own part of that schema
  const head = JSON.stringify(Head.encode(plan));
  yield `${head.slice(0, -1)},"matrix":[`;
  let first = true;
  for (const unit of plan.included) {
    await yieldToLoop();
    const text = JSON.stringify(MatrixRowSchema.encode(matrixRow(unit)));
    yield first ? text : `,${text}`;
    first = false;
  }
  yield `],"figures":${JSON.stringify(Figures.encode(plan.figures))}}`;
}

export function exportStream(plan: ConsolidationPlan, format: ExportFormat, catalog: Catalog, period: Period): Readable {
  return Readable.from(chunks(plan, format, catalog, period), { objectMode: false, highWaterMark: 256 * 1024 });
}
