/**
 * From one consolidated period to what the consolidated workbook shows: city figures by the domain's aggregate(),
 * completeness per expected unit, the scorecard.
 */
import { aggregate } from "../aggregate";
import { expectedUnits } from "../units/expected";
import { isOnTime, DEFAULT_SCHEDULE } from "../periods/schedule";
import type { Bilingual, Catalog, CityFigure, ReportSchedule, UnitRegistry } from "../types";
import type { PeriodConsolidation } from "./consolidation-types";
import { buildScorecard } from "./scorecard";
import type { CompletenessRow, CompletenessTotals, ConsolidationView } from "./view";

// ---------------------------------------------------------------------------------------------------------------
// From a period's reports to what the workbook shows
// ---------------------------------------------------------------------------------------------------------------

export interface PeriodFigures {
  figures: CityFigure[];
  completeness: { rows: CompletenessRow[]; totals: CompletenessTotals };
}

/**
 * City figures (by the domain's aggregate()) and completeness for one consolidated period. On time is judged on the
 * workbook's last-saved time against the period's deadline; a file with no saved time is "submitted (time unknown)".
 */
export function periodFigures(
  pc: PeriodConsolidation,
  opts: {
    catalog: Catalog;
    units: UnitRegistry;
    unitCodes?: readonly string[];
    includeDemo?: boolean;
    schedule?: ReportSchedule;
  },
): PeriodFigures {
  const expected = expectedUnits(opts.catalog, opts.units, pc.period, {
    ...(opts.unitCodes ? { unitCodes: opts.unitCodes } : {}),
    includeDemo: opts.includeDemo === true,
  });
  const unitCodes = expected.map((u) => u.code);
  const figures = aggregate(opts.catalog, pc.period, pc.reports, opts.units, {
    unitCodes,
    ...(opts.includeDemo ? { includeDemo: true } : {}),
  });
  const schedule = opts.schedule ?? DEFAULT_SCHEDULE;
  const totals: CompletenessTotals = {
    expected: expected.length,
    submitted: 0,
    onTime: 0,
    late: 0,
    missing: 0,
    returned: 0,
    rejected: 0,
  };
  const rows: CompletenessRow[] = expected.map((u) => {
    const sub = pc.submissions.get(u.code);
    if (sub) {
      totals.submitted += 1;
      let state: CompletenessRow["state"] = "submitted";
      if (sub.savedAt && !Number.isNaN(Date.parse(sub.savedAt))) {
        state = isOnTime(pc.period, new Date(sub.savedAt), schedule) ? "on_time" : "late";
        if (state === "on_time") totals.onTime += 1;
        else totals.late += 1;
      }
      return {
        unitCode: u.code,
        unitName: u.name,
        state,
        submittedAt: sub.savedAt,
        source: sub.source,
        contact: sub.contact,
        note: null,
      };
    }
    totals.missing += 1;
    const rejected = pc.rejected.get(u.code);
    if (rejected || pc.conflicted.has(u.code)) {
      totals.rejected += 1;
      const first = rejected?.[0];
      const note: Bilingual = first
        ? {
            vi: `${first.cell ? `${first.cell}: ` : ""}${first.message.vi}`,
            en: `${first.cell ? `${first.cell}: ` : ""}${first.message.en}`,
          }
        : {
            vi: "Có hai tệp khác nhau cho cùng kỳ, chưa chọn tệp nào.",
            en: "Two different files for the same period; none chosen yet.",
          };
      return {
        unitCode: u.code,
        unitName: u.name,
        state: "rejected",
        submittedAt: null,
        source: null,
        contact: null,
        note,
      };
    }
    return {
      unitCode: u.code,
      unitName: u.name,
      state: "missing",
      submittedAt: null,
      source: null,
      contact: null,
      note: null,
    };
  });
  return { figures, completeness: { rows, totals } };
}

/** Everything the consolidated workbook shows for one period consolidated from files. */
export function viewFromFiles(
  pc: PeriodConsolidation,
  opts: {
    catalog: Catalog;
    units: UnitRegistry;
    unitCodes?: readonly string[];
    includeDemo?: boolean;
    schedule?: ReportSchedule;
    group?: { id: string | null; name: Bilingual };
    generatedAt: string;
  },
): ConsolidationView {
  const { figures, completeness } = periodFigures(pc, opts);
  const units = expectedUnits(opts.catalog, opts.units, pc.period, {
    ...(opts.unitCodes ? { unitCodes: opts.unitCodes } : {}),
    includeDemo: opts.includeDemo === true,
  });
  return {
    source: "files",
    period: pc.period,
    group: opts.group ?? { id: null, name: { vi: "Tất cả đơn vị", en: "All units" } },
    generatedAt: opts.generatedAt,
    catalog: opts.catalog,
    figures,
    units,
    matrix: pc.matrix,
    completeness,
    scorecard: buildScorecard(opts.catalog, figures),
    narratives: units.flatMap((u) => {
      const narrative = pc.submissions.get(u.code)?.narrative;
      return narrative ? [{ unitCode: u.code, unitName: u.name, narrative }] : [];
    }),
  };
}
