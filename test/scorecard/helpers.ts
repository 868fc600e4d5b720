/** Test reports: every target of a unit filled with valid figures, with overrides per target. */
import { defaultCatalog, defaultUnitRegistry, entryFields, type EntryInput, type ReportInput } from "../../src/domain";
import type { FileRead, FileReadOk } from "../../src/domain/scorecard";

export const catalog = defaultCatalog();
export const units = defaultUnitRegistry();

/** Valid entries for every target the unit reports; population targets use `population` as denominator. */
export function fullEntries(
  unitCode: string,
  population: number,
  overrides: Record<string, Partial<EntryInput>> = {},
): EntryInput[] {
  return units.targetsFor(catalog, unitCode).map((t) => {
    const e: EntryInput = { targetId: t.id };
    const fields = entryFields(t);
    if (fields.includes("numerator")) {
      const den = (t.denominatorLabel ?? "").toLowerCase() === "dân số" ? population : 200;
      e.denominator = den;
      e.numerator = t.measure === "percent" ? Math.round(den / 2) : den * 3;
    } else if (fields.includes("milestone")) {
      e.milestone = "in_progress";
    } else {
      e.value = t.measure === "count" ? 5 : 10.5;
    }
    e.justification = "Số liệu theo báo cáo thống kê của đơn vị, đã đối chiếu.";
    return { ...e, ...overrides[t.id] };
  });
}

export function report(unitCode: string, period: string, entries: EntryInput[]): ReportInput {
  return { unitCode, period, catalogVersion: catalog.version, locale: "vi", entries };
}

const COLS: Record<string, string> = { value: "G", numerator: "H", denominator: "I", milestone: "J" };

export function file(
  source: string,
  unitCode: string,
  period: string,
  entries: EntryInput[],
  extra: Partial<Omit<FileReadOk, "ok">> = {},
): FileRead {
  const rows = new Map(units.targetsFor(catalog, unitCode).map((t, i) => [t.id, 7 + i]));
  return {
    ok: true,
    source,
    savedAt: "2026-04-03T02:00:00.000Z",
    identity: { unitCode, period, catalogVersion: catalog.version, templateVersion: "1", demo: false },
    contact: { preparer: `Người lập ${unitCode}`, approver: null, phone: "0912 000 000" },
    report: report(unitCode, period, entries),
    cellOf: (targetId, field) =>
      rows.has(targetId) && COLS[field] ? `Nhap!${COLS[field]}${rows.get(targetId)}` : undefined,
    ...extra,
  };
}
