import { createUnitRegistry, defaultCatalog, defaultUnits, normalizeText, type Unit } from "../../../src/domain";

const catalog = defaultCatalog();
const units = defaultUnits();
const registry = createUnitRegistry(units);
const communeLevel = units.filter((u) => (u.kind === "ward" || u.kind === "commune") && !u.demo);

describe("the default units", () => {
  it("hold the 126 wards and communes (51 wards, 75 communes) with unique 5-digit codes", () => {
    expect(communeLevel).toHaveLength(126);
    expect(communeLevel.filter((u) => u.kind === "ward")).toHaveLength(51);
    expect(communeLevel.filter((u) => u.kind === "commune")).toHaveLength(75);
    expect(new Set(communeLevel.map((u) => u.code)).size).toBe(126);
    for (const u of communeLevel) {
      expect(u.code).toMatch(/^\d{5}$/);
      expect(u.name.vi).toBe(u.name.vi.normalize("NFC"));
      expect(u.groups).toEqual([u.kind === "ward" ? "wards" : "communes"]);
      expect(u).toMatchObject({ demo: false, toConfirm: false, targetIds: [] });
    }
  });

  it("mark the starter departments and the city unit as to be confirmed", () => {
    const departments = units.filter((u) => u.kind === "department" && !u.demo);
    expect(departments.map((u) => u.code)).toEqual(
      expect.arrayContaining(["S-TC", "S-XD", "S-YT", "S-NNMT", "S-KHCN"]),
    );
    for (const u of departments) expect(u).toMatchObject({ toConfirm: true, demo: false, groups: ["departments"] });
    expect(registry.byCode("HN")).toMatchObject({ kind: "city", toConfirm: true });
  });

  it("flag the demo units as demo", () => {
    expect(registry.byCode("DEMO-01")).toMatchObject({ kind: "ward", demo: true, groups: ["demo"] });
    expect(registry.byCode("DEMO-02")).toMatchObject({ kind: "department", demo: true, groups: ["demo"] });
  });

  it("give every target at least one real reporter", () => {
    for (const t of catalog.targets) {
      expect(registry.unitsFor(catalog, t.id).filter((u) => !u.demo).length).toBeGreaterThan(0);
    }
  });

  it("are a fresh copy on every call", () => {
    const a = defaultUnits();
    a[0].name.vi = "changed";
    expect(defaultUnits()[0].name.vi).toBe("Phường Ba Đình");
  });
});

describe("createUnitRegistry", () => {
  it("looks a unit up by its code", () => {
    expect(registry.byCode("00004")?.name.vi).toBe("Phường Ba Đình");
    expect(registry.byCode(" 09988 ")?.name.vi).toBe("Xã Hoà Lạc");
    expect(registry.byCode("99999")).toBeUndefined();
  });

  it.each([["Hoà Lạc"], ["Hòa Lạc"], ["hoà lạc"], ["HÒA LẠC"], ["Hoa\u0300 La\u0323c"]])(
    "finds the same unit for %p whatever the tone placement",
    (query) => {
      expect(registry.search(query)[0]?.code).toBe("09988");
    },
  );

  it("finds a ward typed without accents, and by code", () => {
    expect(registry.search("yen hoa").map((u) => u.code)).toContain("00175");
    expect(registry.search("Yên Hòa")[0].code).toBe("00175");
    expect(registry.search("00175")[0].code).toBe("00175");
    expect(registry.search("   ")).toEqual([]);
  });

  it("follows applies_to to tell which targets a unit reports", () => {
    const ward = registry.targetsFor(catalog, "00004");
    expect(ward).toHaveLength(catalog.targets.filter((t) => t.appliesTo.some((a) => a.kind === "ward")).length);
    expect(ward.map((t) => t.id)).not.toContain("U07"); // craft villages: communes only
    expect(registry.targetsFor(catalog, "00376").map((t) => t.id)).toContain("U07");
    expect(ward.every((t) => t.reportedBy === "communes")).toBe(true);
    expect(registry.targetsFor(catalog, "HN").map((t) => t.reportedBy)).toEqual(Array(15).fill("city"));
    expect(registry.targetsFor(catalog, "S-YT").map((t) => t.id)).toEqual(["S11", "S12"]);
    expect(registry.targetsFor(catalog, "nope")).toEqual([]);
  });

  it("lists the units expected to report a target", () => {
    expect(registry.unitsFor(catalog, "S02")).toHaveLength(127); // 126 + the demo ward
    expect(registry.unitsFor(catalog, "E03").map((u) => u.code)).toEqual(["S-TC", "DEMO-02"]);
    expect(registry.unitsFor(catalog, "E01").map((u) => u.code)).toEqual(["HN"]);
  });

  it("normalises names to NFC", () => {
    const decomposed: Unit = {
      ...units[0],
      code: "X1",
      name: { vi: "Xa\u0303 Thu\u031b\u0309 Nghie\u0323\u0302m", en: "Test" },
    };
    expect(createUnitRegistry([decomposed]).byCode("X1")?.name.vi).toBe("Xã Thử Nghiệm");
  });
});

describe("normalizeText", () => {
  it.each<[string, string]>([
    ["  Phường   Ba\u00a0Đình ", "Phường Ba Đình"],
    ["Ho\u0300a", "Hòa"],
    ["a\tb\nc", "a b c"],
    ["", ""],
  ])("turns %p into %p", (input, output) => {
    expect(normalizeText(input)).toBe(output);
  });
});
