/** What a cell style's number format shows a number as: the reader's basis for refusing dates and times as figures. */
import { dateTimeFormat } from "../../src/workbook/xlsx/number-formats";
import { parseNumberStyles } from "../../src/workbook/xlsx/xml-scan";

const part = (xml: string) => ({ bytes: new TextEncoder().encode(xml), text: xml });

describe("number styles", () => {
  it.each([
    ["yyyy-mm-dd", "date"],
    ["dd/mm/yyyy", "date"],
    ["[$-42A]d mmmm yyyy", "date"],
    ["h:mm:ss", "time"],
    ["[h]:mm", "time"],
    ["mm:ss.0", "time"],
    ["General", null],
    ["#,##0.00", null],
    ['0.0" ngày"', null],
    ['#,##0" ha"', null],
    ["0.00_);(0.00)", null],
  ])("%s → %s", (code, kind) => expect(dateTimeFormat(code)).toBe(kind));

  it("reads built-in and custom formats per cellXfs entry", () => {
    const styles = part(
      `<styleSheet><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>` +
        `<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="20"/><xf numFmtId="10"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="3"/></cellXfs></styleSheet>`,
    );
    expect(parseNumberStyles(styles)).toEqual([null, "date", "time", "percent", "date", "percent", null]);
  });
});
