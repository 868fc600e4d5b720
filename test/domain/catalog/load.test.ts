import {
  BASE_COLUMNS,
  CATALOG_COLUMNS,
  catalogToCsv,
  catalogToRows,
  defaultCatalog,
  parseCatalogCsv,
  parseCatalogRows,
  targetForYear,
  type CatalogIssue,
  type CatalogLoadResult,
} from "../../../src/domain";

const catalog = defaultCatalog();
const csv = catalogToCsv(catalog);
const HEADER = BASE_COLUMNS.join(",");
const GOOD_ROW =
  "E01,economy,Tốc độ tăng trưởng GRDP,GRDP growth,%/năm,rate,>=,11,11,city,city_only,,,,verified,Res. 482";

function issues(r: CatalogLoadResult): CatalogIssue[] {
  if (r.ok) throw new Error("expected the catalog to be rejected");
  return r.issues;
}

describe("parseCatalogCsv", () => {
  it("loads the written default catalog back with the same version", () => {
    const r = parseCatalogCsv(csv);
    expect(r.ok && r.catalog.version).toBe(catalog.version);
    expect(r.ok && r.catalog.targets).toHaveLength(43);
  });

  it("writes what it reads (round trip)", () => {
    const r = parseCatalogCsv(csv);
    expect(r.ok && catalogToCsv(r.catalog)).toBe(csv);
  });

  it("tolerates a byte-order mark, LF line ends and a trailing blank line", () => {
    const r = parseCatalogCsv("\uFEFF" + csv.replace(/\r\n/g, "\n") + "\n");
    expect(r.ok && r.catalog.version).toBe(catalog.version);
  });

  it("reads quoted fields with commas, doubled quotes and line breaks, and normalises to NFC", () => {
    const decomposed = "Hoa\u0300"; // "Hoà" decomposed (NFD)
    const text = `${HEADER}\r\nE01,economy,"${decomposed}, ""mới""","two\nlines",%,rate,>=,11,,city,city_only,,,,verified,"a, b"\r\n`;
    const r = parseCatalogCsv(text);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.catalog.targets[0].name).toEqual({ vi: 'Hoà, "mới"'.normalize("NFC"), en: "two\nlines" });
    expect(r.catalog.targets[0].source).toBe("a, b");
  });

  it("accepts the optional 2027–2029 columns and uses their values", () => {
    const text = `${HEADER},target_2027\r\n${GOOD_ROW},11.5\r\n`;
    const r = parseCatalogCsv(text);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(targetForYear(r.catalog.targets[0], 2027)).toMatchObject({ kind: "value", value: 11.5 });
    expect(targetForYear(r.catalog.targets[0], 2028).kind).toBe("none");
    expect(catalogToCsv(r.catalog).split("\r\n")[0]).toBe(CATALOG_COLUMNS.join(","));
  });

  it("accepts any number of targets and groups", () => {
    const r = parseCatalogCsv(`${HEADER}\r\n${GOOD_ROW}\r\n`);
    expect(r.ok && r.catalog.targets.map((t) => t.id)).toEqual(["E01"]);
  });
});

describe("parseCatalogCsv: bad rows", () => {
  const cols = [...BASE_COLUMNS];
  const row = (patch: Record<string, string>) => {
    const cells = GOOD_ROW.split(",");
    for (const [k, v] of Object.entries(patch)) cells[cols.indexOf(k as (typeof cols)[number])] = v;
    return cells.map((c) => (c.includes(",") ? `"${c}"` : c)).join(",");
  };
  const ratio = { measure: "percent", aggregation: "ratio_of_sums", reported_by: "communes" };

  it.each<[string, Record<string, string>, string, string]>([
    ["an unknown group", { group: "economics" }, "group", "unknown_group"],
    ["an unknown measure", { measure: "ratio" }, "measure", "unknown_measure"],
    ["a bad direction", { direction: "=>" }, "direction", "bad_direction"],
    ["a non-numeric target", { target_2026: "11%" }, "target_2026", "not_a_number"],
    ["a target with a thousands separator", { target_2030: "12,000" }, "target_2030", "not_a_number"],
    ["an unknown reporter", { reported_by: "wards" }, "reported_by", "unknown_reported_by"],
    ["an unknown aggregation", { aggregation: "avg" }, "aggregation", "unknown_aggregation"],
    [
      "a ratio without a numerator label",
      { ...ratio, denominator_vi: "Dân số" },
      "numerator_vi",
      "ratio_labels_missing",
    ],
    [
      "a ratio without a denominator label",
      { ...ratio, numerator_vi: "Số người" },
      "denominator_vi",
      "ratio_labels_missing",
    ],
    ["an unknown bottleneck", { bottleneck: "traffic;noise" }, "bottleneck", "unknown_bottleneck"],
    ["a missing status", { status: "" }, "status", "missing_value"],
    ["an unknown status", { status: "confirmed" }, "status", "unknown_status"],
    ["a missing source", { source: "" }, "source", "missing_value"],
    ["a missing name", { name_vi: "" }, "name_vi", "missing_value"],
    ["a bad id", { id: "E 01" }, "id", "bad_id"],
    [
      "a milestone without a date",
      { measure: "milestone", direction: "done_by", aggregation: "none", target_2026: "", target_2030: "2028-02-30" },
      "target_2030",
      "bad_date",
    ],
    ["done_by on a rate", { direction: "done_by" }, "direction", "milestone_mismatch"],
    ["a malformed per-year unit", { unit: "2026: triệu đồng; 2035: USD" }, "unit", "bad_unit_by_year"],
  ])("rejects %s, naming the row and column", (_label, patch, column, code) => {
    const found = issues(parseCatalogCsv(`${HEADER}\r\n${GOOD_ROW.replace("E01", "E00")}\r\n${row(patch)}\r\n`));
    expect(found).toEqual([expect.objectContaining({ row: 3, column, code })]);
    expect(found[0].message.vi).toContain("Dòng 3");
    expect(found[0].message.en).toContain("Row 3");
  });

  it("reports every bad row and rejects the whole catalog", () => {
    const text = [
      HEADER,
      GOOD_ROW,
      row({ id: "E02", group: "x" }),
      row({ id: "E03" }),
      row({ id: "E01", status: "" }),
      row({ id: "E04", measure: "y", direction: "z" }),
    ].join("\r\n");
    const found = issues(parseCatalogCsv(text));
    expect(found.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, "group", "unknown_group"],
      [5, "status", "missing_value"],
      [5, "id", "duplicate_id"],
      [6, "measure", "unknown_measure"],
      [6, "direction", "bad_direction"],
    ]);
  });

  it("reports missing and unknown columns", () => {
    const found = issues(parseCatalogCsv(HEADER.replace(",source", ",sources") + "\r\n" + GOOD_ROW + "\r\n"));
    expect(found.map((i) => [i.column, i.code])).toEqual([
      ["sources", "unknown_column"],
      ["source", "missing_column"],
    ]);
  });

  it("reports a row with more cells than columns", () => {
    expect(issues(parseCatalogCsv(`${HEADER}\r\n${GOOD_ROW},extra\r\n`))[0]).toMatchObject({
      row: 2,
      code: "extra_cells",
    });
  });

  it.each<[string, string, string]>([
    ["an empty file", "", "empty_file"],
    ["a header without targets", `${HEADER}\r\n`, "no_targets"],
    ["an unclosed quote", `${HEADER}\r\n"E01,economy\r\n`, "unclosed_quote"],
  ])("rejects %s", (_label, text, code) => {
    expect(issues(parseCatalogCsv(text))[0].code).toBe(code);
  });
});

describe("parseCatalogRows (a sheet read from .xlsx)", () => {
  it("loads rows with trailing empty cells and leading blank rows", () => {
    const rows = [[], ...catalogToRows(catalog).map((r) => [...r, "", ""])];
    const r = parseCatalogRows(rows);
    expect(r.ok && r.catalog.version).toBe(catalog.version);
  });

  it("numbers rows as the sheet does", () => {
    const rows = [[], BASE_COLUMNS.slice(), GOOD_ROW.replace("verified", "maybe").split(",")];
    expect(issues(parseCatalogRows(rows))).toEqual([
      expect.objectContaining({ row: 3, column: "status", code: "unknown_status" }),
    ]);
  });
});
