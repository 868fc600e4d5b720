/**
 * English that is English (issue 20 item 6): the catalog's unit_en, numerator_en and denominator_en reach the English
 * template, its input messages, the English rule messages and the consolidated workbook's English header; Vietnamese
 * stays the default.
 */
import {
  createUnitRegistry,
  defaultCatalog,
  defaultUnits,
  parsePeriod,
  unitOfMeasureEnFor,
  unitOfMeasureFor,
  validate,
  type Period,
} from "../../src/domain";
import { buildTemplateSpec, ENTRY_COLUMNS } from "../../src/workbook/template";
import { validationFor } from "../../src/workbook/template/validation";
import { withUnit } from "../../src/domain/messages/format";

const catalog = defaultCatalog();
const units = createUnitRegistry(defaultUnits());
const ward = units.byCode("00004")!;
const q1 = parsePeriod("2026-Q1") as Period;
const wardTargets = units.targetsFor(catalog, ward.code);
// a target the ward reports whose English unit differs from the Vietnamese one ("căn" → "dwellings", …)
const translated = wardTargets.find((t) => unitOfMeasureEnFor(t, 2026) !== unitOfMeasureFor(t, 2026))!;
const ratio = wardTargets.find((t) => t.aggregation === "ratio_of_sums" && t.numeratorLabelEn && t.denominatorLabelEn)!;

function unitCell(locale: "vi" | "en", targetId: string): unknown {
  const spec = buildTemplateSpec({ catalog, unit: ward, period: q1, locale });
  const sheet = spec.sheets.find((s) => s.name === spec.entry.sheet)!;
  const row = spec.entry.rows[targetId];
  return sheet.cells.find((c) => c.address === `${ENTRY_COLUMNS.unitOfMeasure}${row}`)?.value;
}

describe("the catalog's English in the product", () => {
  it("has English units and labels to show (the revised catalog's unit_en, numerator_en, denominator_en)", () => {
    expect(translated).toBeDefined();
    expect(ratio).toBeDefined();
    expect(unitOfMeasureEnFor(translated, 2026)).toMatch(/^[\x20-\x7e²³]+$/);
  });

  it("writes the unit of measure in the template's language: English in English, Vietnamese by default", () => {
    expect(unitCell("en", translated.id)).toBe(unitOfMeasureEnFor(translated, 2026));
    expect(unitCell("vi", translated.id)).toBe(unitOfMeasureFor(translated, 2026));
  });

  it("names the numerator and denominator in English in the input messages' English half", () => {
    const [vi, en] = validationFor(ratio, "numerator").prompt.text.split("\n");
    expect(vi).toContain(ratio.numeratorLabel!);
    expect(en).toContain(ratio.numeratorLabelEn!);
    expect(validationFor(ratio, "denominator").prompt.text.split("\n")[1]).toContain(ratio.denominatorLabelEn!);
  });

  it("gives English rule messages with English units and labels", () => {
    const report = {
      unitCode: ward.code,
      period: q1.id,
      catalogVersion: catalog.version,
      locale: "en" as const,
      entries: [{ targetId: ratio.id, numerator: 5, denominator: 0 }],
    };
    const issue = validate(report, { catalog, units }).issues.find((i) => i.code === "denominator_not_positive")!;
    expect(issue.message.en).toContain(ratio.denominatorLabelEn!);
    expect(issue.message.en).not.toContain(ratio.denominatorLabel!);
    expect(issue.message.vi).toContain(ratio.denominatorLabel!);
  });

  it("puts the English unit beside a figure in English messages, the Vietnamese one in Vietnamese", () => {
    const p = { unitOfMeasure: "căn", unitOfMeasureEn: "dwellings", termUnit: "m²/người", termUnitEn: "m²/person" };
    expect(withUnit(5, p, "en")).toBe("5 dwellings");
    expect(withUnit(5, p, "vi")).toBe("5 căn");
    expect(withUnit(30, p, "en", "termUnit")).toBe("30 m²/person");
    expect(withUnit(5, { unitOfMeasure: "căn" }, "en")).toBe("5 căn"); // a catalog without unit_en
  });
});
