/**
 * DonViXuHuong — each unit's change on each of its targets over the range (last figure − first figure), units sorted
 * by who slipped most: most targets worse first, then the largest total slip. A change is red when it went the
 * target's bad way, green when it went the good way, by rules reading the good-sign row above the figures.
 */
import { unitSlips } from "../../domain";
import { addr, range } from "../consolidated/cells";
import type { CellValue, ConsolidatedSheet } from "../consolidated";
import { BETTER, signOf, trendSheet, WORSE, titleBlock } from "./cells";
import type { TrendContext } from "./context";

export const UNIT_CHANGE_LAYOUT = { signRow: 5, headerRow: 6, firstRow: 7, firstTargetColumn: 6 } as const;

export function unitSheetOf(ctx: TrendContext): ConsolidatedSheet {
  const { data, year } = ctx;
  const slips = unitSlips(ctx.catalog.targets, data);
  const present = new Set(data.units.map((u) => u.targetId));
  const targets = ctx.catalog.targets.filter((t) => present.has(t.id) && signOf(t, year) !== null);
  const c0 = UNIT_CHANGE_LAYOUT.firstTargetColumn;
  const last = Math.max(c0 + targets.length - 1, c0);
  const sheet = trendSheet("unitChange", [10, 30, 9, 9, 11, ...targets.map(() => 9)]);
  titleBlock(
    sheet,
    `THAY ĐỔI CỦA TỪNG ĐƠN VỊ — ${data.from} đến ${data.to}`,
    `EACH UNIT'S CHANGE — ${data.from} to ${data.to}`,
    `${ctx.note} · Ô: số liệu cuối − số liệu đầu trong khoảng; đỏ: kém đi, xanh: tốt hơn; trống: chưa đủ hai số liệu / ` +
      `cell: last figure − first figure of the range; red: worse, green: better; blank: fewer than two figures.`,
    Math.min(last, 12),
  );
  const L = UNIT_CHANGE_LAYOUT;
  sheet.blocks.push({
    address: `A${L.signRow}`,
    values: [
      ["", "Tốt = +1 (tăng là tốt) / −1 (giảm là tốt)", "", "", "", ...targets.map((t) => signOf(t, year))],
      [
        "Mã\nCode",
        "Đơn vị\nUnit",
        "Kém đi\nWorse",
        "Tốt hơn\nBetter",
        "Tổng kém đi, %\nTotal slip, %",
        ...targets.map((t) => t.id),
      ],
    ],
  });
  sheet.styles.push(
    { range: range(1, L.signRow, last, L.signRow), style: "legend" },
    { range: range(1, L.headerRow, last, L.headerRow), style: "headerVi" },
  );
  const rows: CellValue[][] = slips.map((u) => {
    const byTarget = new Map(u.changes.map((c) => [c.targetId, c]));
    return [
      u.unitCode,
      ctx.unitNames.get(u.unitCode) ?? "",
      u.worse,
      u.better,
      Math.round(u.slipped * 10) / 10,
      ...targets.map((t) => byTarget.get(t.id)?.delta ?? null),
    ];
  });
  if (rows.length > 0) {
    const r1 = L.firstRow;
    const r2 = r1 + rows.length - 1;
    sheet.blocks.push({ address: `A${r1}`, values: rows });
    sheet.styles.push(
      { range: range(1, r1, 2, r2), style: "cell" },
      { range: range(3, r1, last, r2), style: "figure" },
    );
    const here = addr(c0, r1);
    const sign = `${addr(c0, L.signRow).replace(/(\d+)$/, "$$$1")}`;
    sheet.conditionalFormats.push({
      range: range(c0, r1, last, r2),
      rules: [
        { formula: `AND(ISNUMBER(${here}),ISNUMBER(${sign}),${here}*${sign}<0)`, ...WORSE },
        { formula: `AND(ISNUMBER(${here}),ISNUMBER(${sign}),${here}*${sign}>0)`, ...BETTER },
      ],
    });
  } else {
    sheet.blocks.push({ address: `A${L.firstRow}`, values: [["Chưa có số liệu của đơn vị / No unit figures yet"]] });
    sheet.styles.push({ range: `A${L.firstRow}`, style: "legend" });
  }
  sheet.freeze = { rows: L.headerRow, columns: 2 };
  sheet.print = {
    orientation: "landscape",
    paper: "A4",
    titleRows: [L.headerRow, L.headerRow],
    titleColumns: ["A", "B"],
    fitToWidth: true,
    pagesWide: Math.max(1, Math.ceil(targets.length / 20)),
  };
  return sheet;
}
