/**
 * The starter register from key-tasks-from-sources.csv (public sources, not the official list): each row's
 * `lead_unit_vi` — the source's wording — is matched to units by exact normalised name:
 * - the text is split at ";" (several units named), notes in brackets are dropped ("Sở Xây dựng (tham mưu)");
 * - "UBND xã X" / "UBND phường X" is the commune or ward "Xã X" / "Phường X";
 * - a part equal (case and tone placement aside, "Hòa" = "Hoà") to one unit's name is that unit.
 * The first unit matched leads; the others co-own. What matches no unit (investors, consortia, "UBND các xã,
 * phường") stays in `leadText` only. The city units the sources name that are missing from the default list are
 * added by units.ts (to be confirmed); `describeMatches` says what matched and what did not.
 */
import type { Catalog, UnitRegistry } from "../types";
import { toneKey } from "../text";
import type { TableResult } from "../rules/table-file";
import { parseTaskCsv } from "./file";
import type { Task } from "./types";

export const SOURCES_LIST = "sources-2026";
export const SOURCES_FROM = "2026-01";

export interface LeadMatch {
  taskId: string;
  leadText: string;
  matched: { part: string; code: string }[];
  unmatched: string[];
}

const BRACKETS = /\([^)]*\)/g;
const UBND_LOCAL = /^UBND\s+(xã|phường)\s+/iu;

/** One part of a lead text as a unit's name: notes dropped, "UBND xã X" → "Xã X". */
export function leadPartName(part: string): string {
  const s = part.replace(BRACKETS, "").replace(/\s+/g, " ").trim();
  const m = UBND_LOCAL.exec(s);
  if (!m) return s;
  const kind = m[1]!.toLowerCase() === "xã" ? "Xã" : "Phường";
  return `${kind} ${s.slice(m[0].length)}`;
}

/** A lead text → the units it names by exact normalised name, and the parts that name none. */
export function matchLeadText(text: string, units: UnitRegistry): { codes: string[]; unmatched: string[] } {
  const byName = new Map<string, string[]>();
  for (const u of units.all()) {
    const k = toneKey(u.name.vi);
    byName.set(k, [...(byName.get(k) ?? []), u.code]);
  }
  const codes: string[] = [];
  const unmatched: string[] = [];
  for (const raw of text.split(";")) {
    const part = raw.trim();
    if (part === "") continue;
    const found = byName.get(toneKey(leadPartName(part))) ?? [];
    if (found.length === 1) {
      if (!codes.includes(found[0]!)) codes.push(found[0]!);
    } else unmatched.push(part);
  }
  return { codes, unmatched };
}

/** The starter CSV → tasks with their units matched, and the match report; or every problem of the file. */
export function registerFromSources(
  csv: string,
  catalog: Catalog,
  units: UnitRegistry,
): { ok: true; tasks: Task[]; matches: LeadMatch[] } | (TableResult<Task> & { ok: false }) {
  const parsed = parseTaskCsv(csv, catalog, units, { from: SOURCES_FROM, list: SOURCES_LIST });
  if (!parsed.ok) return parsed;
  const matches: LeadMatch[] = [];
  const tasks = parsed.rows.map((t): Task => {
    if (t.leadText === null || t.leadUnitCode !== null) return t;
    const { codes, unmatched } = matchLeadText(t.leadText, units);
    matches.push({
      taskId: t.id,
      leadText: t.leadText,
      matched: codes.map((code) => ({ part: units.byCode(code)?.name.vi ?? code, code })),
      unmatched,
    });
    return { ...t, leadUnitCode: codes[0] ?? null, coUnitCodes: [...codes.slice(1), ...t.coUnitCodes] };
  });
  return { ok: true, tasks, matches };
}

/** The match report as lines for people (the generator prints it; the README quotes it). */
export function describeMatches(matches: readonly LeadMatch[], tasks: readonly Task[]): string[] {
  const lines: string[] = [];
  const unassigned = tasks.filter((t) => t.leadUnitCode === null);
  lines.push(
    `${tasks.length} tasks; ${tasks.length - unassigned.length} with a lead unit matched, ${unassigned.length} without (${
      tasks.filter((t) => t.leadText === null).length
    } name no lead at all).`,
  );
  const byCode = new Map<string, string[]>();
  for (const m of matches) for (const x of m.matched) byCode.set(x.code, [...(byCode.get(x.code) ?? []), m.taskId]);
  for (const [code, ids] of [...byCode].sort((a, b) => a[0].localeCompare(b[0])))
    lines.push(`matched ${code}: ${ids.join(", ")}`);
  for (const m of matches)
    for (const u of m.unmatched) lines.push(`not a unit (kept as the source's wording) ${m.taskId}: ${u}`);
  return lines;
}
