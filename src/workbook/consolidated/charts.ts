/** BieuDo: chart data and native charts — city figure against target per group, and one target's spread. */
import {
  GROUP_IDS,
  GROUP_NAMES,
  periodLabel,
  targetForPeriod,
  unitOfMeasureEnFor,
  unitOfMeasureFor,
} from "../../domain";
import type { ConsolidationView } from "../../domain/scorecard";
import { emptySheet, range, shortName, titleRows } from "./cells";
import type { CellValue, ChartKind, ConsolidatedOptions, ConsolidatedSheet } from "./spec";
import { CHART_COLORS, figureFormat } from "./styles";

// ---- BieuDo ----

export const CHART_LAYOUT = { firstRow: 4, rowsPerChart: 22, chartFirstColumn: "G", chartLastColumn: "R" } as const;

/** The ratio target most units reported (ties: catalog order), else the first target any unit reported. */
export function defaultSpreadTarget(view: ConsolidationView): string | null {
  const counts = new Map<string, number>();
  for (const c of view.matrix) if (c.figure !== null) counts.set(c.targetId, (counts.get(c.targetId) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const t of view.catalog.targets) {
    const n = counts.get(t.id) ?? 0;
    if (t.aggregation === "ratio_of_sums" && n > bestCount) {
      best = t.id;
      bestCount = n;
    }
  }
  if (best) return best;
  for (const t of view.catalog.targets) if ((counts.get(t.id) ?? 0) > 0) return t.id;
  return null;
}

/**
 * A figure as a share of its year's target (100 = on target), for the group charts: targets of one group have
 * different units (%, billion VND, counts), so each is drawn against its own target. null when either is missing.
 */
export function shareOfTarget(figure: number | null, target: number | null): number | null {
  if (figure === null || target === null || target === 0) return null;
  return (100 * figure) / target;
}

interface ChartRow {
  label: string;
  /** the charted series, in order */
  values: (number | null)[];
  /** shown in the table beside the charted columns, not charted */
  extra?: CellValue[];
}

export function chartsSheet(view: ConsolidationView, note: string, opts: ConsolidatedOptions): ConsolidatedSheet {
  const { catalog, period } = view;
  const sheet = emptySheet("charts", [44, 14, 12, 14, 30, 3]);
  titleRows(
    sheet,
    { vi: `BIỂU ĐỒ — ${periodLabel(period, "vi")}`, en: `CHARTS — ${periodLabel(period, "en")}` },
    `${note} · Mỗi nhóm: giá trị thành phố tính theo % chỉ tiêu năm (100 = bằng chỉ tiêu; chỉ tiêu chưa có giá trị thì không vẽ) / ` +
      `per group: the city figure as a % of the year's target (100 = on target; no bar where no target is set).`,
    18,
  );
  const figures = new Map(view.figures.map((f) => [f.targetId, f]));
  let r = CHART_LAYOUT.firstRow;
  const place = (
    name: string,
    kind: ChartKind,
    title: string,
    header: string[],
    charted: number,
    rows: ChartRow[],
    colors: string[],
    height: number,
    formats: (string | null)[],
    axis?: string,
  ): void => {
    const last = r + rows.length;
    sheet.blocks.push({
      address: `A${r}`,
      values: [header, ...rows.map((x) => [x.label, ...x.values, ...(x.extra ?? [])])],
      numFmts: [header.map(() => null), ...rows.map(() => [null, ...formats])],
    });
    sheet.styles.push(
      { range: range(1, r, header.length, r), style: "headerVi" },
      ...(rows.length > 0
        ? [
            { range: range(1, r + 1, 1, last), style: "cell" as const },
            { range: range(2, r + 1, header.length, last), style: "figure" as const },
          ]
        : []),
    );
    if (rows.some((x) => x.values.some((v) => v !== null))) {
      sheet.charts.push({
        name,
        kind,
        title,
        dataRange: range(1, r, 1 + charted, last),
        categories: rows.map((x) => x.label),
        series: header
          .slice(1, 1 + charted)
          .map((h, i) => ({ name: h, values: rows.map((x) => x.values[i]), color: colors[i] })),
        anchor: `${CHART_LAYOUT.chartFirstColumn}${r}:${CHART_LAYOUT.chartLastColumn}${r + height - 2}`,
        ...(axis ? { valueAxisTitle: axis } : {}),
        ...(rows.every((x) => x.values.slice(0, charted).every((v) => v === null || v >= 0))
          ? { valueAxisMin: 0 }
          : {}),
      });
    } else {
      sheet.blocks.push({ address: `A${last + 1}`, values: [["Chưa có số liệu để vẽ / No figures to chart yet"]] });
      sheet.styles.push({ range: `A${last + 1}`, style: "legend" });
    }
    r += Math.max(height, rows.length + 4);
  };
  GROUP_IDS.forEach((g) => {
    const rows: ChartRow[] = catalog.targets
      .filter((t) => t.group === g && t.measure !== "milestone")
      .map((t) => {
        const yt = targetForPeriod(t, period);
        const target = yt.kind === "value" ? yt.value : null;
        const figure = figures.get(t.id)?.value ?? null;
        const share = shareOfTarget(figure, target);
        return {
          label: shortName(t, 40),
          values: [share, share === null ? null : 100],
          extra: [figure, target ?? "Chưa có chỉ tiêu / no target set"],
        };
      });
    place(
      `CT_chart_${g}`,
      "barClustered",
      `${GROUP_NAMES[g].vi}: thành phố so với chỉ tiêu (% chỉ tiêu năm) / ${GROUP_NAMES[g].en}: city against target (% of the year's target)`,
      [
        "Chỉ tiêu / Target",
        "Thành phố, % chỉ tiêu / City, % of target",
        "Chỉ tiêu = 100 / Target = 100",
        "Giá trị thành phố / City figure",
        `Chỉ tiêu ${period.year} / Target`,
      ],
      2,
      rows,
      [CHART_COLORS.figure, CHART_COLORS.target],
      CHART_LAYOUT.rowsPerChart,
      ["0.0", "0", "#,##0.0#", "#,##0.0#"],
      "% chỉ tiêu năm / % of the year's target",
    );
  });
  const spreadId = opts.spreadTargetId ?? defaultSpreadTarget(view);
  const spreadTarget = spreadId ? catalog.targets.find((t) => t.id === spreadId) : undefined;
  if (spreadTarget) {
    const names = new Map(view.units.map((u) => [u.code, u.name.vi]));
    const rows = view.matrix
      .filter((c) => c.targetId === spreadTarget.id && c.figure !== null)
      .map((c) => ({ label: `${c.unitCode} ${names.get(c.unitCode) ?? ""}`.trim(), values: [c.figure] }))
      .sort((a, b) => (b.values[0] as number) - (a.values[0] as number));
    // the sheet is bilingual: the unit in Vietnamese, and in English where the catalog's differs
    const uomVi = unitOfMeasureFor(spreadTarget, period.year);
    const uomEn = unitOfMeasureEnFor(spreadTarget, period.year);
    const uom = uomVi === uomEn ? uomVi : `${uomVi} / ${uomEn}`;
    place(
      `CT_chart_spread_${spreadTarget.id}`,
      "columnClustered",
      `${shortName(spreadTarget, 60)}: phân bố theo đơn vị / spread across units (${uom})`,
      ["Đơn vị / Unit", `${spreadTarget.id} (${uom})`],
      1,
      rows,
      [CHART_COLORS.spread],
      Math.max(CHART_LAYOUT.rowsPerChart, 26),
      [figureFormat(spreadTarget)],
      uom,
    );
  }
  sheet.print = { orientation: "landscape", paper: "A4", fitToWidth: true };
  return sheet;
}
