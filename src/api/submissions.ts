/** POST /submissions: a unit's report (or its dry run), the receipt it gets back, and the verdict of a dry run. */
import { z } from "zod";
import { ReportFigureContext } from "./figure-context";
import { TEXT_LIMITS } from "../domain";
import { ENTRY_FIELDS } from "../domain/entry-fields";
import { Bilingual, bilingualError, isCleanText, text } from "./text";
import { NarrativeInput } from "./narrative";
import { TaskProgressList } from "./task-progress";

/**
 * What a cell may hold: a number (finite — JSON has no NaN or Infinity), nothing, typed text or a boolean. In that
 * order: a union tries its options in turn, and most cells are numbers or blank (a third less work per report).
 */
export const RawValue = z.union([z.number().finite(), z.null(), text(200), z.boolean()], {
  error: bilingualError({
    vi: "Ô nhập chỉ chứa được số, chữ (tối đa 200 ký tự), đúng/sai hoặc để trống (null)",
    en: "An input cell holds a number, text (at most 200 characters), true/false or nothing (null)",
  }),
});

const FreeText = text(TEXT_LIMITS.justification).nullable();

export const EntryInput = z
  .object({
    targetId: text(32).min(1),
    value: RawValue.optional(),
    numerator: RawValue.optional(),
    denominator: RawValue.optional(),
    milestone: RawValue.optional(),
    justification: FreeText.optional(),
    evidence: text(TEXT_LIMITS.evidence).nullable().optional(),
    responsible: text(TEXT_LIMITS.responsible).nullable().optional(),
  })
  .strict();

/** The template's own limit on each unit-sheet input (DonVi: preparer, approver, phone). */
export const CONTACT_MAX = TEXT_LIMITS.contact;

/**
 * One contact field as typed on the unit sheet: trimmed, NFC, at most CONTACT_MAX characters; blank is null. The
 * messages name the field and its sheet, so the clerk knows which cell to fix.
 */
function contactText(field: { vi: string; en: string }) {
  return z
    .string({
      error: bilingualError({
        vi: `${field.vi} (trang DonVi) phải là văn bản hoặc để trống (null)`,
        en: `${field.en} (sheet DonVi) must be text or nothing (null)`,
      }),
    })
    .trim()
    .normalize("NFC")
    .max(CONTACT_MAX, {
      error: bilingualError({
        vi: `${field.vi} (trang DonVi) dài quá ${CONTACT_MAX} ký tự; hãy rút gọn`,
        en: `${field.en} (sheet DonVi) is longer than ${CONTACT_MAX} characters; shorten it`,
      }),
    })
    .refine(isCleanText, {
      error: bilingualError({
        vi: `${field.vi} (trang DonVi) chứa ký tự không hợp lệ (ký tự NUL hoặc mã Unicode lẻ); hãy gõ lại`,
        en: `${field.en} (sheet DonVi) holds an invalid character (NUL or an unpaired Unicode surrogate); type it again`,
      }),
    })
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();
}

/** Who prepared and approved the report and how to reach them ("rõ người"), as on the workbook's unit sheet. */
export const ContactInput = z
  .object({
    preparer: contactText({ vi: "Người lập biểu", en: "The preparer" }),
    approver: contactText({ vi: "Người duyệt", en: "The approver" }),
    phone: contactText({ vi: "Số điện thoại liên hệ", en: "The contact phone" }),
  })
  .strict();

export const Contact = z.object({
  preparer: z.string().nullable(),
  approver: z.string().nullable(),
  phone: z.string().nullable(),
});

export const SubmissionRequest = z
  .object({
    submissionId: z.uuid().describe("UUID made by the client; reuse it for every retry of the same submission"),
    supersedes: z.uuid().nullable().describe("the latest stored revision's submission id, or null for the first"),
    unitCode: text(32).min(1),
    period: text(16).min(1),
    catalogVersion: text(64).min(1),
    locale: z.enum(["vi", "en"]),
    entries: z.array(EntryInput).max(400),
    contact: ContactInput.nullable()
      .optional()
      .describe(
        "the unit sheet's preparer, approver and phone (each trimmed, at most 200 characters); part of the content, so a retry must send the same",
      ),
    narrative: NarrativeInput.nullable()
      .optional()
      .describe(
        "the report's narrative: key results, shortcomings and causes, tasks for the next period, proposals (each trimmed, at most 2,000 characters); part of the content",
      ),
    tasks: TaskProgressList.optional(),
    dryRun: z.boolean().optional(),
  })
  .strict();

export const ValidationIssue = z.object({
  code: z.string(),
  ruleId: z.string(),
  targetId: z.string().nullable(),
  unitCode: z.string(),
  period: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  cell: z.string().optional(),
  severity: z.enum(["error", "warning", "info"]),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  message: Bilingual,
  justified: z.boolean().optional(),
});

export const ReportStatus = z.enum(["submitted", "returned", "accepted"]);

export const ReceiptStatus = z.enum(["submitted", "returned", "accepted", "superseded"]);

export const Receipt = z.object({
  submissionId: z.string(),
  unitCode: z.string(),
  period: z.string(),
  revision: z.number().int(),
  supersedes: z.string().nullable(),
  receivedAt: z.string(),
  onTime: z.boolean(),
  status: ReceiptStatus,
  replay: z.boolean().describe("true when this id was already stored: the stored receipt, nothing new written"),
});

export const Change = z.object({
  targetId: z.string(),
  field: z.enum(ENTRY_FIELDS),
  from: z.union([z.string(), z.number(), z.null()]),
  to: z.union([z.string(), z.number(), z.null()]),
});

export const Assessment = z.object({
  targetId: z.string(),
  progress: z.enum(["met", "on_track", "at_risk", "off_track", "no_target", "no_data"]),
  figure: z.number().nullable(),
});

export const DryRunResponse = z.object({
  dryRun: z.literal(true),
  ok: z.boolean(),
  issues: z.array(ValidationIssue),
  counts: z.object({ errors: z.number(), warnings: z.number(), unjustifiedWarnings: z.number(), infos: z.number() }),
  assessments: z.array(Assessment),
  wouldCreateRevision: z.number().int(),
  changes: z.array(Change).describe("what would change against the latest stored revision"),
  ytd: z.record(z.string(), z.number()).describe("year-to-date sums of earlier periods that the rules used"),
  figureContext: ReportFigureContext.optional().describe("the unit's earlier figures and the figures from its months"),
});

export type SubmissionRequestBody = z.infer<typeof SubmissionRequest>;
export type EntryInput = z.infer<typeof EntryInput>;
export type ValidationIssueWire = z.infer<typeof ValidationIssue>;
export type ContactWire = z.infer<typeof Contact>;
export type ReportStatus = z.infer<typeof ReportStatus>;
export type ReceiptStatus = z.infer<typeof ReceiptStatus>;
/** What the endpoint answers for a stored (201) or replayed (200) submission. */
export type Receipt = z.infer<typeof Receipt>;
export type Change = z.infer<typeof Change>;
export type DryRunResult = z.infer<typeof DryRunResponse>;
