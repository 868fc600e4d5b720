/**
 * Helpers that turn a generated template into the files real people send: edited with another program, rows
 * inserted, names or the identity part dropped, numbers typed as text, percent formats, inline strings…
 */
import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  defaultCatalog,
  defaultUnitRegistry,
  parsePeriod,
  type EntryInput,
  type Period,
  type Unit,
} from "../../src/domain";
import { buildTemplateSpec, type TemplateOptions, type TemplateSpec } from "../../src/workbook/template";
import { addCustomXmlPart, writeTemplateXlsx } from "../../src/workbook/xlsx/write-template";

export const catalog = defaultCatalog();
export const units = defaultUnitRegistry();
export const period = parsePeriod("2026-Q1") as Period;
export const ward = units.byCode("00004") as Unit;

export function specFor(opts: Partial<TemplateOptions> = {}): TemplateSpec {
  // every target that applies to the ward (the Q1 template itself asks only for those due in the quarter)
  const unit = opts.unit ?? ward;
  return buildTemplateSpec({ catalog, unit, period, targets: units.targetsFor(catalog, unit.code), ...opts });
}

export async function templateBytes(
  opts: Partial<TemplateOptions> = {},
): Promise<{ spec: TemplateSpec; bytes: Uint8Array }> {
  const spec = specFor(opts);
  return { spec, bytes: await writeTemplateXlsx(spec) };
}

/** Apply text edits to parts of an archive; an edit returning null deletes the part. */
export async function editZip(
  bytes: Uint8Array,
  edits: Record<string, (xml: string) => string | null>,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [path, edit] of Object.entries(edits)) {
    const f = zip.file(path);
    const out = edit(f ? await f.async("string") : "");
    if (out === null) zip.remove(path);
    else zip.file(path, out);
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

export async function partText(bytes: Uint8Array, path: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const f = zip.file(path);
  if (!f) throw new Error(`no part ${path}`);
  return f.async("string");
}

/** Path of a sheet's part by its name (through workbook.xml and its relationships). */
export async function sheetPath(bytes: Uint8Array, name: string): Promise<string> {
  const wb = await partText(bytes, "xl/workbook.xml");
  const rels = await partText(bytes, "xl/_rels/workbook.xml.rels");
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(wb)?.[1];
  const target =
    new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1];
  if (!target) throw new Error(`no sheet ${name}`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

/** Load with ExcelJS, change, save — as another program would — and put our identity part back unless told not to. */
export async function viaExcelJs(
  bytes: Uint8Array,
  mutate: (wb: ExcelJS.Workbook) => void,
  keepIdentity: string | null = null,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  mutate(wb);
  const out = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return keepIdentity ? addCustomXmlPart(out, keepIdentity) : out;
}

/** Insert blank rows into a sheet the way Excel does it: cells below move down and names pointing below move too. */
export async function insertRows(
  bytes: Uint8Array,
  sheet: string,
  at: number,
  count: number,
  opts: { moveNames: boolean },
): Promise<Uint8Array> {
  const path = await sheetPath(bytes, sheet);
  const shift = (row: number) => (row >= at ? row + count : row);
  return editZip(bytes, {
    [path]: (xml) =>
      xml
        .replace(/<row r="(\d+)"/g, (_m, r: string) => `<row r="${shift(Number(r))}"`)
        .replace(/ r="([A-Z]+)(\d+)"/g, (_m, c: string, r: string) => ` r="${c}${shift(Number(r))}"`)
        .replace(
          /<mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g,
          (_m, c1: string, r1: string, c2: string, r2: string) =>
            `<mergeCell ref="${c1}${shift(Number(r1))}:${c2}${shift(Number(r2))}"`,
        )
        .replace(/sqref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/g, (_m, c1: string, r1: string, c2?: string, r2?: string) =>
          c2 ? `sqref="${c1}${shift(Number(r1))}:${c2}${shift(Number(r2))}"` : `sqref="${c1}${shift(Number(r1))}"`,
        ),
    "xl/workbook.xml": (xml) =>
      opts.moveNames
        ? xml.replace(
            new RegExp(`(>'?${sheet}'?!\\$[A-Z]+\\$)(\\d+)<`, "g"),
            (_m, pre: string, r: string) => `${pre}${shift(Number(r))}<`,
          )
        : xml,
  });
}

/** The same workbook without defined names (a program that drops them). */
export async function dropNames(bytes: Uint8Array): Promise<Uint8Array> {
  return editZip(bytes, { "xl/workbook.xml": (xml) => xml.replace(/<definedNames>[\s\S]*?<\/definedNames>/, "") });
}

/** The same workbook without the identity part (as LibreOffice saves it). */
export async function dropIdentity(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const f of Object.keys(zip.files)) if (f.startsWith("customXml/")) zip.remove(f);
  const rels = await (zip.file("xl/_rels/workbook.xml.rels") as JSZip.JSZipObject).async("string");
  zip.file("xl/_rels/workbook.xml.rels", rels.replace(/<Relationship [^>]*customXml"[^>]*\/>/g, ""));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Replace one cell's XML in a sheet (the whole <c …>…</c> or <c …/> element). */
export async function replaceCell(
  bytes: Uint8Array,
  sheet: string,
  address: string,
  cellXml: string,
): Promise<Uint8Array> {
  const path = await sheetPath(bytes, sheet);
  return editZip(bytes, {
    [path]: (xml) => {
      const re = new RegExp(`<c r="${address}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`);
      if (!re.test(xml)) throw new Error(`no cell ${address}`);
      return xml.replace(re, cellXml);
    },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// hand-made ZIP archives (for bombs and broken files)
// ---------------------------------------------------------------------------------------------------------------

export interface RawZipEntry {
  name: string;
  data: Uint8Array;
  /** stored uncompressed size in the headers (to make a lying archive) */
  declaredSize?: number;
  deflate?: boolean;
  flags?: number;
}

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) {
    c ^= data[i];
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** A minimal ZIP writer: local headers, data, central directory. CRC is skipped for data over 1 MB (0). */
export function makeZip(entries: RawZipEntry[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const method = e.deflate === false ? 0 : 8;
    const body = method === 8 ? deflateRawSync(e.data) : Buffer.from(e.data);
    const crc = e.data.length > 1_000_000 ? 0 : crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE((e.flags ?? 0) | 0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, body);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    cen.writeUInt16LE((e.flags ?? 0) | 0x800, 8);
    cen.writeUInt16LE(method, 10);
    cen.writeUInt32LE(crc, 16);
    cen.writeUInt32LE(body.length, 20);
    cen.writeUInt32LE(size, 24);
    cen.writeUInt16LE(name.length, 28);
    cen.writeUInt32LE(offset, 42);
    central.push(cen, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, cd, end]));
}

/** Expected entries for a unit's template after reading: every field present, blanks null. */
export function expectedEntries(spec: TemplateSpec, values: EntryInput[]): EntryInput[] {
  const given = new Map(values.map((v) => [v.targetId, v]));
  return Object.keys(spec.entry.rows)
    .sort((a, b) => catalog.targets.findIndex((t) => t.id === a) - catalog.targets.findIndex((t) => t.id === b))
    .map((id) => {
      const e: EntryInput = { targetId: id };
      const g = given.get(id);
      for (const f of spec.entry.fields[id]) (e as unknown as Record<string, unknown>)[f] = g?.[f] ?? null;
      return e;
    });
}
