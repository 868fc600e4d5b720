/**
 * Just enough SpreadsheetML parsing for the reader, by scanning with indexOf instead of building a DOM.
 *
 * Speed trick: each part is held twice — its bytes, and the same bytes decoded as Latin-1 (one character per byte,
 * ~50× faster than UTF-8 decoding). All markup is ASCII, so the scan runs on the Latin-1 text and string positions
 * are byte offsets; the few texts we actually return (shared strings, inline strings, names) are decoded as UTF-8
 * from their own bytes. Worksheets are indexed by row and a cell is parsed only when asked for.
 *
 * Tolerates what real writers produce: cells without `r`, attributes in any order, rich-text runs, phonetic runs,
 * inline strings, formulas with cached values, `_xHHHH_` escapes, self-closing rows and cells.
 */
import { unescapeXml } from "../identity";
import { workbookErrors } from "../errors";
import { columnIndex, columnLetters } from "../a1";
import { dateTimeFormat, isPercentFormat, type NumberStyle } from "./number-formats";

export interface XmlPart {
  /** the bytes decoded one byte per character (markup is ASCII: positions are byte offsets), or already-decoded text
   * when `bytes` is absent */
  text: string;
  bytes?: Uint8Array;
  /** true when the caller knows the part has no byte above 0x7F (then no slice is checked for UTF-8) */
  ascii?: boolean;
}

/** Accept already-decoded XML text too (writers post-processing their own archives). */
export function asPart(x: XmlPart | string): XmlPart {
  return typeof x === "string" ? { text: x } : x;
}

const UTF8 = new TextDecoder("utf-8");

/** The UTF-8 text of a byte range of a part (the Latin-1 slice itself when the range is pure ASCII). Only the range
 * is looked at: the slices the reader takes are short, so checking them costs less than testing the whole part. */
export function utf8Slice(part: XmlPart, start: number, end: number): string {
  const t = part.text;
  const bytes = part.bytes;
  if (bytes && part.ascii !== true)
    for (let i = start; i < end; i++) if (t.charCodeAt(i) > 127) return UTF8.decode(bytes.subarray(start, end));
  return t.slice(start, end);
}

/** NFC form of a text; pure ASCII is NFC already, so only other texts go through normalize(). */
export function nfc(s: string): string {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return s.normalize("NFC");
  return s;
}

/** Attribute value of a start tag (the text between "<" and ">"). */
export function attr(tag: string, name: string): string | null {
  let from = 0;
  for (;;) {
    const i = tag.indexOf(name, from);
    if (i < 0) return null;
    const before = tag.charCodeAt(i - 1);
    const after = tag.charCodeAt(i + name.length);
    // a whole attribute name: preceded by whitespace or ":" (prefix), followed by "="
    if ((before === 32 || before === 9 || before === 10 || before === 13 || before === 58) && after === 61 /* = */) {
      const q = tag.charCodeAt(i + name.length + 1);
      const end = tag.indexOf(String.fromCharCode(q), i + name.length + 2);
      if (end < 0) return null;
      return unescapeXml(tag.slice(i + name.length + 2, end));
    }
    from = i + name.length;
  }
}

/** OOXML escapes control characters as _xHHHH_ in strings. */
export function unescapeOoxml(s: string): string {
  const t = unescapeXml(s);
  if (t.indexOf("_x") < 0) return t;
  return t.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Concatenated text of every <t> in a byte range of a part, skipping phonetic runs (<rPh>). */
export function textOf(part: XmlPart, start: number, end: number): string {
  const xml = part.text;
  let out = "";
  let p = start;
  while (p < end) {
    const i = xml.indexOf("<", p);
    if (i < 0 || i >= end) break;
    if (xml.startsWith("<rPh", i)) {
      const close = xml.indexOf("</rPh>", i);
      p = close < 0 ? end : close + 6;
      continue;
    }
    // <t>, <t xml:space="preserve">, or a prefixed <x:t>
    const nameAt = i + 1 + (xml.charCodeAt(i + 2) === 58 /* : */ ? 2 : 0);
    const after = xml.charCodeAt(nameAt + 1);
    if (xml.charCodeAt(nameAt) === 116 /* t */ && (after === 62 || after === 32 || after === 47)) {
      const gt = xml.indexOf(">", i);
      if (xml.charCodeAt(gt - 1) === 47) {
        p = gt + 1; // <t/>
        continue;
      }
      const close = xml.indexOf("</", gt);
      out += utf8Slice(part, gt + 1, close);
      p = close + 2;
      continue;
    }
    p = i + 1;
  }
  return unescapeOoxml(out);
}

function tagAt(part: XmlPart, i: number): { tag: string; end: number } {
  const gt = part.text.indexOf(">", i);
  return { tag: utf8Slice(part, i, gt), end: gt };
}

export interface SheetRef {
  name: string;
  relId: string;
  state: string | null;
}
export interface DefinedName {
  name: string;
  localSheetId: number | null;
  text: string;
}

export function parseWorkbookXml(input: XmlPart | string): { sheets: SheetRef[]; names: DefinedName[] } {
  const part = asPart(input);
  const xml = part.text;
  const sheets: SheetRef[] = [];
  const names: DefinedName[] = [];
  let p = 0;
  for (;;) {
    const i = xml.indexOf("<sheet ", p);
    if (i < 0) break;
    const { tag, end } = tagAt(part, i);
    const name = attr(tag, "name");
    const relId = attr(tag, "r:id") ?? attr(tag, "id");
    if (name && relId) sheets.push({ name: name.normalize("NFC"), relId, state: attr(tag, "state") });
    p = end;
  }
  p = 0;
  for (;;) {
    const i = xml.indexOf("<definedName ", p);
    if (i < 0) break;
    const gt = xml.indexOf(">", i);
    if (xml.charCodeAt(gt - 1) === 47) {
      p = gt;
      continue;
    }
    const close = xml.indexOf("</definedName>", gt);
    const tag = utf8Slice(part, i, gt);
    const name = attr(tag, "name");
    const local = tag.indexOf("localSheetId") > 0 ? attr(tag, "localSheetId") : null;
    if (name) {
      let text = utf8Slice(part, gt + 1, close);
      if (text.indexOf("&") >= 0) text = unescapeXml(text);
      names.push({ name, localSheetId: local === null ? null : Number(local), text });
    }
    p = close;
  }
  return { sheets, names };
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

export function parseRels(input: XmlPart | string): Relationship[] {
  const part = asPart(input);
  const xml = part.text;
  const out: Relationship[] = [];
  let p = 0;
  for (;;) {
    const i = xml.indexOf("<Relationship ", p);
    if (i < 0) break;
    const { tag, end } = tagAt(part, i);
    const id = attr(tag, "Id");
    const type = attr(tag, "Type");
    const target = attr(tag, "Target");
    if (id && type && target) out.push({ id, type, target });
    p = end;
  }
  return out;
}

/** Resolve a relationship target against the folder of the part that owns the rels ("xl/"). */
export function resolvePart(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").filter(Boolean);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

/** Shared strings, decoded on first use (a workbook carries many long guide strings it never needs). */
export class SharedStrings {
  private readonly starts: number[] = [];
  private readonly cache = new Map<number, string>();
  constructor(private readonly part: XmlPart) {
    const xml = part.text;
    let p = 0;
    for (;;) {
      const i = xml.indexOf("<si", p);
      if (i < 0) break;
      const c = xml.charCodeAt(i + 3);
      if (c === 62 || c === 32 || c === 47) this.starts.push(i);
      p = i + 3;
    }
  }
  get count(): number {
    return this.starts.length;
  }
  get(index: number): string | null {
    if (!Number.isInteger(index) || index < 0 || index >= this.starts.length) return null;
    const hit = this.cache.get(index);
    if (hit !== undefined) return hit;
    const xml = this.part.text;
    const start = this.starts[index];
    const gt = xml.indexOf(">", start);
    let text = "";
    if (xml.charCodeAt(gt - 1) !== 47) {
      const end = xml.indexOf("</si>", gt);
      text = textOf(this.part, gt + 1, end < 0 ? xml.length : end);
    }
    this.cache.set(index, text);
    return text;
  }
}

const BUILTIN_PERCENT = new Set([9, 10]);

/** Built-in date formats (14–17, 22, and the East Asian 27–36, 50–58) and time formats (18–21, 45–47). */
const BUILTIN_DATE = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
const BUILTIN_TIME = new Set([18, 19, 20, 21, 32, 33, 45, 46, 47]);

/** Every cellXfs entry → its number style (index = the s attribute of a cell). */
export function parseNumberStyles(part: XmlPart): NumberStyle[] {
  const xml = part.text;
  const custom = new Map<number, NumberStyle>();
  let p = 0;
  for (;;) {
    const i = xml.indexOf("<numFmt ", p);
    if (i < 0) break;
    const { tag, end } = tagAt(part, i);
    const code = attr(tag, "formatCode") ?? "";
    custom.set(Number(attr(tag, "numFmtId")), isPercentFormat(code) ? "percent" : dateTimeFormat(code));
    p = end;
  }
  const out: NumberStyle[] = [];
  const start = xml.indexOf("<cellXfs");
  if (start < 0) return out;
  const end = xml.indexOf("</cellXfs>", start);
  p = xml.indexOf(">", start);
  for (;;) {
    const i = xml.indexOf("<xf", p);
    if (i < 0 || (end >= 0 && i > end)) break;
    const gt = xml.indexOf(">", i);
    const id = Number(attr(xml.slice(i, gt), "numFmtId") ?? "0");
    out.push(
      custom.get(id) ??
        (BUILTIN_PERCENT.has(id) ? "percent" : BUILTIN_DATE.has(id) ? "date" : BUILTIN_TIME.has(id) ? "time" : null),
    );
    p = gt;
  }
  return out;
}

/** A cell as stored: its type attribute, style index, cached value text and whether it carries a formula. */
export interface RawCell {
  t: string | null;
  s: number;
  /** the <v> text, XML-unescaped and UTF-8 decoded */
  v: string | null;
  /** inline string text (t="inlineStr") */
  inline: string | null;
  formula: boolean;
}

interface Attrs {
  r: string | null;
  s: string | null;
  t: string | null;
}

/** The r, s and t attributes of a <c> or <row> start tag between `from` and `to` (no entity can occur in them). */
function shortAttrs(xml: string, from: number, to: number, out: Attrs): void {
  out.r = null;
  out.s = null;
  out.t = null;
  let i = from;
  while (i < to) {
    const eq = xml.indexOf("=", i);
    if (eq < 0 || eq >= to) return;
    let k = eq - 1;
    while (k > i && xml.charCodeAt(k) > 32 && xml.charCodeAt(k) !== 58) k--;
    const nameStart = xml.charCodeAt(k) <= 32 || xml.charCodeAt(k) === 58 ? k + 1 : k;
    const q = xml.charCodeAt(eq + 1);
    const end = xml.indexOf(q === 39 ? "'" : '"', eq + 2);
    if (end < 0 || end > to) return;
    if (eq - nameStart === 1) {
      const n = xml.charCodeAt(nameStart);
      if (n === 114 /* r */) out.r = xml.slice(eq + 2, end);
      else if (n === 115 /* s */) out.s = xml.slice(eq + 2, end);
      else if (n === 116 /* t */) out.t = xml.slice(eq + 2, end);
    }
    i = end + 1;
  }
}

/**
 * A worksheet indexed by row; cells are parsed when asked for. Construction counts the cells and stops with
 * CT_XLSX_TOO_LARGE as soon as the count passes maxCells, so a sheet with a million cells costs no more than
 * counting its first maxCells.
 */
export class SheetCells {
  /** row number → [start, end) of its <row> element */
  private readonly rows = new Map<number, [number, number]>();
  private readonly cache = new Map<string, RawCell | null>();
  /** rows whose cells carry no r attribute: parsed positionally */
  private readonly positional = new Map<number, Map<string, RawCell>>();
  private readonly a: Attrs = { r: null, s: null, t: null };

  constructor(
    private readonly part: XmlPart,
    maxCells: number,
    sheetName: string,
  ) {
    const xml = part.text;
    const start = xml.indexOf("<sheetData");
    const dataEnd = start < 0 ? -1 : xml.indexOf("</sheetData>", start);
    const limit = dataEnd < 0 ? xml.length : dataEnd;
    let count = 0;
    // count cells first, so a hostile sheet fails here before any other work — unless the sheet is too short to
    // hold that many (a cell takes at least 4 bytes: <c/>)
    if (start >= 0 && (limit - start) / 4 > maxCells) {
      let p = start;
      for (;;) {
        const i = xml.indexOf("<c", p);
        if (i < 0 || i >= limit) break;
        const c = xml.charCodeAt(i + 2);
        if (c === 32 || c === 62 || c === 47) {
          if (++count > maxCells) throw workbookErrors.tooLarge("cells", count, maxCells, sheetName);
        }
        p = i + 2;
      }
    }
    if (start >= 0) {
      let row = 0;
      let p = start;
      for (;;) {
        const i = xml.indexOf("<row", p);
        if (i < 0 || i >= limit) break;
        const c = xml.charCodeAt(i + 4);
        if (c !== 32 && c !== 62 && c !== 47) {
          p = i + 4;
          continue;
        }
        const gt = xml.indexOf(">", i);
        shortAttrs(xml, i + 4, gt, this.a);
        row = this.a.r ? Number(this.a.r) : row + 1;
        if (xml.charCodeAt(gt - 1) === 47) {
          p = gt;
          continue;
        }
        const close = xml.indexOf("</row>", gt);
        const end = close < 0 || close > limit ? limit : close;
        this.rows.set(row, [gt + 1, end]);
        p = end;
      }
    }
  }

  /** row numbers present, ascending */
  rowNumbers(): number[] {
    return [...this.rows.keys()].sort((x, y) => x - y);
  }

  get(address: string): RawCell | null {
    const hit = this.cache.get(address);
    if (hit !== undefined) return hit;
    let k = 0;
    while (k < address.length && address.charCodeAt(k) >= 65) k++;
    const row = Number(address.slice(k));
    const seg = this.rows.get(row);
    let cell: RawCell | null = null;
    if (seg) {
      const pos = this.positional.get(row);
      if (pos) cell = pos.get(address) ?? null;
      else cell = this.find(address, seg, row);
    }
    this.cache.set(address, cell);
    return cell;
  }

  private find(address: string, [from, to]: [number, number], row: number): RawCell | null {
    const xml = this.part.text;
    // usual case: r="G12" (any attribute order); searches stay inside the row, without slicing it out
    for (const q of ['"', "'"]) {
      const needle = `r=${q}${address}${q}`;
      let i = xml.indexOf(needle, from);
      while (i >= 0 && i + needle.length <= to) {
        const lt = xml.lastIndexOf("<", i);
        if (lt >= from && xml.charCodeAt(lt + 1) === 99 /* c */ && xml.charCodeAt(i - 1) <= 32)
          return this.parseCellAt(lt, to);
        i = xml.indexOf(needle, i + needle.length);
      }
    }
    const seg = xml.slice(from, to);
    if (seg.indexOf(" r=") >= 0) return null;
    // cells without r: parse the row positionally (once)
    const cells = new Map<string, RawCell>();
    let col = 0;
    let p = 0;
    for (;;) {
      const i = seg.indexOf("<c", p);
      if (i < 0) break;
      const c = seg.charCodeAt(i + 2);
      if (c !== 32 && c !== 62 && c !== 47) {
        p = i + 2;
        continue;
      }
      const cell = this.parseCellAt(from + i, to);
      col = this.a.r ? columnIndex(this.a.r.replace(/\d+$/, "")) : col + 1;
      cells.set(`${columnLetters(col)}${row}`, cell);
      p = i + 2;
    }
    this.positional.set(row, cells);
    return cells.get(address) ?? null;
  }

  private parseCellAt(lt: number, limit: number): RawCell {
    const part = this.part;
    const xml = part.text;
    const gt = xml.indexOf(">", lt);
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    shortAttrs(xml, lt + 2, selfClosing ? gt - 1 : gt, this.a);
    const t = this.a.t;
    const s = this.a.s === null ? 0 : Number(this.a.s);
    if (selfClosing) return { t, s, v: null, inline: null, formula: false };
    const close = xml.indexOf("</c>", gt);
    const end = close < 0 || close > limit ? limit : close;
    let v: string | null = null;
    let inline: string | null = null;
    let formula = false;
    let q = gt + 1;
    while (q < end) {
      const i = xml.indexOf("<", q);
      if (i < 0 || i >= end) break;
      const n1 = xml.charCodeAt(i + 1);
      const n2 = xml.charCodeAt(i + 2);
      if (n1 === 118 /* v */ && (n2 === 62 || n2 === 32)) {
        const vgt = xml.indexOf(">", i);
        const ve = xml.indexOf("</v>", vgt);
        v = unescapeOoxml(utf8Slice(part, vgt + 1, ve));
        q = ve + 4;
      } else if (n1 === 102 /* f */ && (n2 === 62 || n2 === 32 || n2 === 47)) {
        formula = true;
        const fgt = xml.indexOf(">", i);
        q = xml.charCodeAt(fgt - 1) === 47 ? fgt + 1 : xml.indexOf("</f>", fgt) + 4;
      } else if (n1 === 105 /* i */ && xml.startsWith("<is>", i)) {
        const ie = xml.indexOf("</is>", i);
        inline = textOf(part, i + 4, ie);
        q = ie + 5;
      } else {
        q = i + 1;
      }
    }
    return { t, s, v, inline, formula };
  }
}
