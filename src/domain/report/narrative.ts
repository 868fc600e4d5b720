/**
 * The narrative every Vietnamese periodic report carries, in four parts: key results; shortcomings and their causes;
 * tasks for the next period; proposals (kiến nghị). Each part is free text of at most NARRATIVE_MAX characters.
 *
 * Why 2,000 characters a part: a ward's or department's periodic report gives each of these parts roughly half an A4
 * page (some 300 words of Vietnamese); 2,000 characters holds that, fits in one Excel cell that still shows whole
 * (Excel shows about 1,024 characters of a cell's text in the formula bar comfortably, and holds 32,767), and keeps a
 * consolidated sheet of 160 units' narratives readable. A longer text is an error naming its cell or field.
 */
import { forbiddenCharacter } from "../text";
import type { Bilingual } from "../types";

export const NARRATIVE_PARTS = ["results", "shortcomings", "nextTasks", "proposals"] as const;
export type NarrativePart = (typeof NARRATIVE_PARTS)[number];

/** The limit of each part, in characters (after trimming). */
export const NARRATIVE_MAX = 2000;

/** The four parts as typed: blank is null. */
export type Narrative = Record<NarrativePart, string | null>;

export const NARRATIVE_LABELS: Record<NarrativePart, Bilingual> = {
  results: { vi: "Kết quả nổi bật", en: "Key results" },
  shortcomings: { vi: "Tồn tại, hạn chế và nguyên nhân", en: "Shortcomings and causes" },
  nextTasks: { vi: "Nhiệm vụ, giải pháp kỳ tới", en: "Tasks for the next period" },
  proposals: { vi: "Kiến nghị, đề xuất", en: "Proposals" },
};

export const EMPTY_NARRATIVE: Narrative = { results: null, shortcomings: null, nextTasks: null, proposals: null };

/** A part as stored and hashed: trimmed, NFC, blank as null. */
export function narrativeText(v: unknown): string | null {
  if (typeof v !== "string") return null;
  const t = v.trim();
  return t === "" ? null : t.normalize("NFC");
}

/**
 * The narrative as stored and hashed: its four parts in one fixed order, blank as null; null when nothing is
 * written (a report without a narrative hashes as it did before narratives existed).
 */
export function canonicalNarrative(n: Partial<Record<NarrativePart, unknown>> | null | undefined): Narrative | null {
  if (!n) return null;
  const out = {} as Narrative;
  let any = false;
  for (const p of NARRATIVE_PARTS) {
    out[p] = narrativeText(n[p]);
    if (out[p] !== null) any = true;
  }
  return any ? out : null;
}

export interface NarrativeProblem {
  part: NarrativePart;
  kind: "tooLong" | "badText";
  /** the length found (tooLong) or the text (badText) */
  found: string;
}

/** Every part over the limit or holding a character the one text rule refuses. */
export function narrativeProblems(n: Partial<Narrative> | null | undefined): NarrativeProblem[] {
  const out: NarrativeProblem[] = [];
  if (!n) return out;
  for (const p of NARRATIVE_PARTS) {
    const v = n[p];
    if (typeof v !== "string") continue;
    if (forbiddenCharacter(v)) out.push({ part: p, kind: "badText", found: v });
    else if (v.trim().length > NARRATIVE_MAX) out.push({ part: p, kind: "tooLong", found: String(v.trim().length) });
  }
  return out;
}

/** "Kết quả nổi bật (ô ThuyetMinh!C5) dài 2.315 ký tự, quá 2.000…": the message of an over-long part. */
export function narrativeTooLongMessage(part: NarrativePart, length: number, where: Bilingual): Bilingual {
  const l = NARRATIVE_LABELS[part];
  return {
    vi: `${l.vi} (${where.vi}) dài ${length} ký tự, quá ${NARRATIVE_MAX} ký tự cho phép. Hãy rút gọn.`,
    en: `${l.en} (${where.en}) is ${length} characters long, more than the ${NARRATIVE_MAX} allowed. Shorten it.`,
  };
}
