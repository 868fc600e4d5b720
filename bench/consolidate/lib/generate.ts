/**
 * Generates filled unit workbooks for the consolidation benchmark, fast: the template is written ONCE by the product's
 * own writer (buildTemplateSpec + writeTemplateXlsx) with placeholder numbers in every input cell and placeholder
 * texts for the unit and period; each output file is that archive with the entry sheet, the unit sheet's strings and
 * the identity part patched (string splices, one deflate each) and every other part copied as already compressed.
 *
 * Every value is generated here, independently of the reader, and the expected sums per period × target are returned
 * so the benchmark can check that consolidation got them right.
 */
import fs from "node:fs";
import path from "node:path";
import {
  entryFields,
  isRatioTarget,
  listPeriods,
  type Catalog,
  type EntryInput,
  type Period,
  type Target,
  type Unit,
  type UnitRegistry,
} from "../../../src/domain";
import { identityToXml } from "../../../src/workbook/identity";
import { TEMPLATE_VERSION, buildTemplateSpec } from "../../../src/workbook/template";
import { writeTemplateXlsx } from "../../../src/workbook/xlsx/write-template";
import { decodeUtf8, openZip, readEntry } from "../../../src/workbook/xlsx/zip";
import { nodeInflateRaw } from "../../../src/workbook/xlsx/node-inflate";
import { parseRels, parseWorkbookXml, resolvePart } from "../../../src/workbook/xlsx/xml-scan";
import { pack, writeZip, type PackedEntry } from "./zip-writer";
import { seededRandom } from "../../../src/domain/random";

const CODE = "@@CODE@@";
const NAME = "@@NAME@@";
const PERIOD = "@@PERIOD@@";
const PLACEHOLDER_BASE = 7_000_001;

export interface Generated {
  files: string[];
  /** per "period|target": Σ value, Σ numerator, Σ denominator, units */
  sums: Map<string, { value: number; numerator: number; denominator: number; units: number }>;
  units: string[];
  periods: string[];
  bytes: number;
  ms: number;
}

interface Slot {
  target: Target;
  field: "value" | "numerator" | "denominator";
  placeholder: number;
}

/** The periods files are spread over: every month then every quarter of 2026–2030 (80 periods). */
export function benchPeriods(): Period[] {
  const out: Period[] = [];
  for (let y = 2026; y <= 2030; y++) out.push(...listPeriods(y, ["month"]));
  for (let y = 2026; y <= 2030; y++) out.push(...listPeriods(y, ["quarter"]));
  return out;
}

/**
 * The one template every generated workbook is cut from: written by the product's writer with a distinct placeholder
 * in each numeric input cell, then split around the placeholders, so a workbook is the pieces joined with its numbers.
 */
async function templatePieces(catalog: Catalog, registry: UnitRegistry, firstPeriod: Period) {
  const communes = registry.all().filter((u) => !u.demo && (u.kind === "ward" || u.kind === "commune"));
  const base = communes[0];
  const targets = registry.targetsFor(catalog, base.code);
  // placeholders: one distinct number per numeric input cell
  const slots: Slot[] = [];
  const values: EntryInput[] = [];
  for (const t of targets) {
    const e: EntryInput = { targetId: t.id };
    for (const f of entryFields(t)) {
      if (f === "value" || f === "numerator" || f === "denominator") {
        const placeholder = PLACEHOLDER_BASE + slots.length;
        slots.push({ target: t, field: f, placeholder });
        e[f] = placeholder;
      }
    }
    values.push(e);
  }
  const fakeUnit: Unit = { ...base, code: CODE, name: { vi: NAME, en: NAME } };
  const fakePeriod: Period = { ...firstPeriod, id: PERIOD };
  const spec = buildTemplateSpec({
    catalog,
    unit: fakeUnit,
    period: fakePeriod,
    values,
    unitInfo: { preparer: "Nguyễn Thị Thu Hà", approver: "Trần Văn Minh", phone: "0243 825 1234" },
    targets,
  });
  const template = await writeTemplateXlsx(spec);
  const zip = openZip(template);
  const text = (name: string): string => decodeUtf8(readEntry(zip, name, nodeInflateRaw) as Uint8Array);
  const wb = parseWorkbookXml(text("xl/workbook.xml"));
  const rels = new Map(parseRels(text("xl/_rels/workbook.xml.rels")).map((r) => [r.id, r]));
  const sheetPath = (name: string): string => {
    const s = wb.sheets.find((x) => x.name === name);
    const r = s ? rels.get(s.relId) : undefined;
    if (!r) throw new Error(`template has no sheet ${name}`);
    return resolvePart("xl/", r.target);
  };
  const entryPath = sheetPath(spec.entry.sheet);
  const sharedPath = "xl/sharedStrings.xml";
  const customPath = [...zip.entries.keys()].find((n) => /^customXml\/item\d+\.xml$/.test(n));
  if (!customPath) throw new Error("template has no identity part");
  // split the entry sheet around the placeholders
  const entryXml = text(entryPath);
  const pieces: string[] = [];
  const order: number[] = [];
  const re = new RegExp(`<v>(${PLACEHOLDER_BASE.toString().slice(0, 3)}\\d{4})</v>`, "g");
  let last = 0;
  for (const m of entryXml.matchAll(re)) {
    const k = Number(m[1]) - PLACEHOLDER_BASE;
    if (k < 0 || k >= slots.length) continue;
    pieces.push(entryXml.slice(last, (m.index as number) + 3));
    order.push(k);
    last = (m.index as number) + m[0].length - 4;
  }
  pieces.push(entryXml.slice(last));
  if (order.length !== slots.length)
    throw new Error(`found ${order.length} of ${slots.length} placeholders in the entry sheet`);
  const shared = text(sharedPath);
  if (!shared.includes(CODE) || !shared.includes(PERIOD))
    throw new Error("unit/period placeholders not in the shared strings");
  const fixed: PackedEntry[] = [];
  const names = [...zip.entries.keys()];
  for (const n of names) {
    if (n === entryPath || n === sharedPath || n === customPath) continue;
    fixed.push(pack(n, readEntry(zip, n, nodeInflateRaw) as Uint8Array));
  }
  return { communes, targets, slots, pieces, order, shared, fixed, entryPath, sharedPath, customPath };
}

export async function generateWorkbooks(opts: {
  dir: string;
  count: number;
  catalog: Catalog;
  registry: UnitRegistry;
  periods: Period[];
  seed?: number;
}): Promise<Generated> {
  const t0 = performance.now();
  const { catalog } = opts;
  const { communes, targets, slots, pieces, order, shared, fixed, entryPath, sharedPath, customPath } =
    await templatePieces(catalog, opts.registry, opts.periods[0]);

  fs.mkdirSync(opts.dir, { recursive: true });
  const rand = seededRandom(opts.seed ?? 20261122);
  const sums: Generated["sums"] = new Map();
  const files: string[] = [];
  const unitSet = new Set<string>();
  const periodSet = new Set<string>();
  let bytes = 0;
  const enc = new TextEncoder();
  for (let i = 0; i < opts.count; i++) {
    const unit = communes[i % communes.length];
    const period = opts.periods[Math.floor(i / communes.length) % opts.periods.length];
    unitSet.add(unit.code);
    periodSet.add(period.id);
    // realistic figures: a population shared by the population targets, ratios near their targets, small counts
    const population = 8000 + Math.floor(rand() * 60000);
    const nums = new Array<number>(slots.length);
    const byTarget = new Map<string, { value?: number; numerator?: number; denominator?: number }>();
    for (let k = 0; k < slots.length; k++) {
      const s = slots[k];
      const e = byTarget.get(s.target.id) ?? {};
      byTarget.set(s.target.id, e);
      let v: number;
      if (s.field === "denominator") {
        v = (s.target.denominatorLabel ?? "").toLowerCase() === "dân số" ? population : 200 + Math.floor(rand() * 5000);
        e.denominator = v;
      } else if (s.field === "numerator") {
        e.numerator = -1; // filled below, once the denominator is known
        v = 0;
      } else {
        v = Math.floor(rand() * 40);
        e.value = v;
      }
      nums[k] = v;
    }
    for (let k = 0; k < slots.length; k++) {
      const s = slots[k];
      if (s.field !== "numerator") continue;
      const e = byTarget.get(s.target.id) as { numerator?: number; denominator?: number };
      const den = e.denominator as number;
      const share = s.target.measure === "percent" ? 0.55 + rand() * 0.45 : 1 + rand() * 12;
      const num = Math.min(s.target.measure === "percent" ? den : Infinity, Math.round(den * share));
      e.numerator = num;
      nums[k] = num;
    }
    for (const t of targets) {
      const e = byTarget.get(t.id);
      if (!e) continue;
      const key = `${period.id}|${t.id}`;
      const acc = sums.get(key) ?? { value: 0, numerator: 0, denominator: 0, units: 0 };
      if (isRatioTarget(t)) {
        acc.numerator += e.numerator ?? 0;
        acc.denominator += e.denominator ?? 0;
      } else acc.value += e.value ?? 0;
      acc.units += 1;
      sums.set(key, acc);
    }
    let sheet = pieces[0];
    for (let j = 0; j < order.length; j++) sheet += String(nums[order[j]]) + pieces[j + 1];
    const sharedOut = shared.split(CODE).join(unit.code).split(NAME).join(unit.name.vi).split(PERIOD).join(period.id);
    const identity = identityToXml({
      templateVersion: TEMPLATE_VERSION,
      catalogVersion: catalog.version,
      unitCode: unit.code,
      period: period.id,
      demo: false,
    });
    const out = writeZip([
      ...fixed,
      pack(entryPath, enc.encode(sheet), 1),
      pack(sharedPath, enc.encode(sharedOut), 1),
      pack(customPath, enc.encode(identity), 1),
    ]);
    const file = path.join(opts.dir, `${period.id}_${unit.code}.xlsx`);
    fs.writeFileSync(file, out);
    bytes += out.length;
    files.push(file);
  }
  return { files, sums, units: [...unitSet], periods: [...periodSet], bytes, ms: performance.now() - t0 };
}
