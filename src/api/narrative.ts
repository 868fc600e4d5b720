/** The report's narrative on the wire: four parts of free text, each at most NARRATIVE_MAX characters. */
import { z } from "zod";
import { NARRATIVE_LABELS, NARRATIVE_MAX, NARRATIVE_PARTS, type NarrativePart } from "../domain";
import { bilingualError, isCleanText } from "./text";

/** Where each part is typed in the standard template, so a refusal names the cell as well as the field. */
export const NARRATIVE_CELLS: Record<NarrativePart, string> = {
  results: "ThuyetMinh!C4",
  shortcomings: "ThuyetMinh!C5",
  nextTasks: "ThuyetMinh!C6",
  proposals: "ThuyetMinh!C7",
};

function part(p: NarrativePart) {
  const l = NARRATIVE_LABELS[p];
  const where = { vi: `narrative.${p}, ô ${NARRATIVE_CELLS[p]}`, en: `narrative.${p}, cell ${NARRATIVE_CELLS[p]}` };
  return z
    .string({
      error: bilingualError({
        vi: `${l.vi} (${where.vi}) phải là văn bản hoặc để trống (null)`,
        en: `${l.en} (${where.en}) must be text or nothing (null)`,
      }),
    })
    .trim()
    .normalize("NFC")
    .max(NARRATIVE_MAX, {
      error: bilingualError({
        vi: `${l.vi} (${where.vi}) dài quá ${NARRATIVE_MAX} ký tự; hãy rút gọn`,
        en: `${l.en} (${where.en}) is longer than ${NARRATIVE_MAX} characters; shorten it`,
      }),
    })
    .refine(isCleanText, {
      error: bilingualError({
        vi: `${l.vi} (${where.vi}) chứa ký tự không hợp lệ (ký tự NUL hoặc mã Unicode lẻ); hãy gõ lại`,
        en: `${l.en} (${where.en}) holds an invalid character (NUL or an unpaired Unicode surrogate); type it again`,
      }),
    })
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();
}

/** As a client sends it: each part trimmed and NFC, blank as null. */
export const NarrativeInput = z
  .object({
    results: part("results"),
    shortcomings: part("shortcomings"),
    nextTasks: part("nextTasks"),
    proposals: part("proposals"),
  })
  .strict();

/** As the endpoint gives it back: the four parts, blank as null. */
export const Narrative = z.object({
  results: z.string().nullable(),
  shortcomings: z.string().nullable(),
  nextTasks: z.string().nullable(),
  proposals: z.string().nullable(),
});

export type NarrativeWire = z.infer<typeof Narrative>;

/** One part that changed between two reports (the review diff); only the parts that changed are listed. */
export const NarrativeChange = z.object({
  part: z.enum(NARRATIVE_PARTS),
  from: z.string().nullable(),
  to: z.string().nullable(),
});

export type NarrativeChange = z.infer<typeof NarrativeChange>;
