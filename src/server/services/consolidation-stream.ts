/**
 * The consolidation exports as streams: the same bytes as `consolidationToCsv()`, `consolidationToDhis2()` and the
 * JSON the response schema would serialise, written one unit at a time. Each unit's revision is unpacked only when
 * its turn comes, on the export thread (export-thread.ts), and the stream waits while the client is slow
 * (backpressure), so a 30 MB export neither holds 30 MB of text nor keeps `/health` or a submission waiting.
 */
import { Readable } from "node:stream";
import type { Catalog, Period } from "../../domain/types";
import { ConsolidationResponse } from "../../api";
import {
  CSV_HEADER,
  csvCityLines,
  csvTaskLines,
  dhis2Period,
  targetsById,
  type ConsolidationPlan,
} from "./consolidation";
import { onExportThread, type ExportFormat } from "./export-thread";

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
const Figures = ConsolidationResponse.shape.figures;
const Tasks = ConsolidationResponse.shape.tasks.unwrap();

/** Chunks of one export: a head, one chunk per included unit (built on the export thread), a tail. */
async function* chunks(plan: ConsolidationPlan, format: ExportFormat, catalog: Catalog, period: Period) {
  const pe = dhis2Period(period);
  const unitChunks = async function* () {
    let first = true;
    for (const unit of plan.included) {
      const chunk = await onExportThread({ kind: "chunk", format, unit, targets: catalog.targets, pe });
      if (chunk.length === 0) continue;
      if (!first && format !== "csv") yield ",";
      yield chunk;
      first = false;
    }
  };
  if (format === "csv") {
    yield CSV_HEADER;
    yield* unitChunks();
    yield csvCityLines(plan.figures, targetsById(catalog));
    yield csvTaskLines(plan.tasks);
  } else if (format === "dhis2") {
    yield '{"dataValues":[';
    yield* unitChunks();
    yield "]}";
  } else {
    // JSON: the keys in the response schema's order, each part encoded by its own part of that schema
    const head = JSON.stringify(Head.encode(plan));
    yield `${head.slice(0, -1)},"matrix":[`;
    yield* unitChunks();
    const tasks = plan.tasks ? `,"tasks":${JSON.stringify(Tasks.encode(plan.tasks as never))}` : "";
    yield `],"figures":${JSON.stringify(Figures.encode(plan.figures))}${tasks}}`;
  }
}

export function exportStream(
  plan: ConsolidationPlan,
  format: ExportFormat,
  catalog: Catalog,
  period: Period,
): Readable {
  return Readable.from(chunks(plan, format, catalog, period), { objectMode: false, highWaterMark: 256 * 1024 });
}
