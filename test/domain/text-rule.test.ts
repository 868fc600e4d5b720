/**
 * One text rule (forbiddenCharacter, src/domain/text.ts) for the file reader, the rules — so validate and the task
 * pane — and the endpoint's request schemas: the same strings pass and fail everywhere, and the rules name the cell.
 */
import { TEXT_LIMITS, defaultCatalog, defaultUnitRegistry, forbiddenCharacter, validate } from "../../src/domain";
import { EntryInput, text } from "../../src/api";

const BAD = ["a\u0000b", "\u0001", "x\u001f", "half \ud800", "\udc00 half", "broken \ufffd", "\uffff"];
const GOOD = ["", "Nguyễn Văn A", "tab\there", "two\nlines\r\n", "emoji 😀", "\u00a0no-break"];

describe("the one text rule", () => {
  it("has one length limit per free-text field, the rules' and the endpoint's", () => {
    const catalog = defaultCatalog();
    const long = "x".repeat(TEXT_LIMITS.responsible + 1);
    const r = validate(
      {
        unitCode: "00004",
        period: "2026-Q1",
        catalogVersion: catalog.version,
        locale: "vi",
        entries: [{ targetId: "S02", value: 3, responsible: long }],
      },
      { catalog, units: defaultUnitRegistry(), cellOf: (_id, f) => (f === "responsible" ? "Nhap!N10" : undefined) },
    );
    expect(r.issues.find((i) => i.code === "text_too_long")).toMatchObject({
      cell: "Nhap!N10",
      params: { length: 501, max: 500 },
    });
    expect(text(TEXT_LIMITS.responsible).safeParse(long).success).toBe(false);
    expect(EntryInput.safeParse({ targetId: "S02", responsible: long }).success).toBe(false);
    expect(EntryInput.safeParse({ targetId: "S02", responsible: long.slice(1) }).success).toBe(true);
  });

  it.each(BAD)("refuses %j, naming the character", (s) => {
    const bad = forbiddenCharacter(s);
    expect(bad).not.toBeNull();
    expect(s.charCodeAt((bad as { index: number }).index)).toBe((bad as { code: number }).code);
  });

  it.each(GOOD)("accepts %j", (s) => expect(forbiddenCharacter(s)).toBeNull());

  it("is the endpoint's rule: its text schema refuses and accepts exactly the same strings", () => {
    const schema = text(100);
    for (const s of BAD) expect(schema.safeParse(s).success).toBe(false);
    for (const s of GOOD) expect(schema.safeParse(s).success).toBe(true);
  });

  it("is the rules' rule: validate reports the justification's bad character at its cell", () => {
    const catalog = defaultCatalog();
    const r = validate(
      {
        unitCode: "00004",
        period: "2026-Q1",
        catalogVersion: catalog.version,
        locale: "vi",
        entries: [{ targetId: "S02", value: 3, justification: "Số liệu\u0000 tạm", evidence: "ok" }],
      },
      {
        catalog,
        units: defaultUnitRegistry(),
        cellOf: (id, f) => (id === "S02" && f === "justification" ? "Nhap!L10" : undefined),
      },
    );
    const issue = r.issues.find((i) => i.code === "invalid_text");
    expect(issue).toMatchObject({
      severity: "error",
      cell: "Nhap!L10",
      params: expect.objectContaining({ character: "U+0000", position: 8 }),
    });
    expect(issue?.message.en).toContain("holds a character that is not allowed, U+0000, at position 8");
    expect(r.ok).toBe(false);
  });
});
