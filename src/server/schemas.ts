/**
 * Request and response shapes of /api/v1, as zod schemas: they validate input, serialize output and generate the
 * OpenAPI document (/api/v1/openapi.json). Handlers never check shapes by hand.
 */
import { z } from "zod";
import { TEXT_LIMITS, forbiddenCharacter, parsePeriod } from "../domain";
import { bilingualError } from "./plugins/zod";
import { ENTRY_FIELDS } from "../domain/entry-fields";

export const Bilingual = z.object({ vi: z.string(), en: z.string() });

/**
 * Text from a client: bounded, and free of the characters the one text rule refuses (forbiddenCharacter in
 * src/domain/text.ts, which the file reader and the rules apply too): NUL (PostgreSQL cannot store it), other
 * controls, unpaired surrogates, U+FFFD and U+FFFE/U+FFFF.
 */
function isCleanText(s: string): boolean {
  return forbiddenCharacter(s) === null;
}

export function text(max: number) {
  return z
    .string()
    .max(max)
    .refine(isCleanText, {
      error: bilingualError({
        vi: "Văn bản chứa ký tự không hợp lệ (ký tự điều khiển như NUL, ký tự hỏng hoặc mã Unicode lẻ); hãy gõ lại hoặc dán dạng văn bản thuần",
        en: "The text holds a character that is not allowed (a control character such as NUL, a broken character or an unpaired Unicode surrogate); type it again or paste it as plain text",
      }),
    });
}

// --- catalog ---------------------------------------------------------------------------------------------------

export const Target = z.object({
  id: z.string(),
  group: z.enum(["economy", "society", "urban_environment", "party_building"]),
  name: Bilingual,
  unitOfMeasure: z.string(),
  unitOfMeasureByYear: z.record(z.string(), z.string()),
  unitEn: z.string().nullable(),
  unitEnByYear: z.record(z.string(), z.string()),
  measure: z.enum(["rate", "percent", "amount", "count", "index", "milestone"]),
  direction: z.enum([">=", ">", "<=", "<", "done_by"]),
  directionByYear: z.record(z.string(), z.enum([">=", ">", "<=", "<", "done_by"])),
  targetByYear: z.record(z.string(), z.union([z.number(), z.string()])),
  reportedBy: z.enum(["communes", "departments", "city"]),
  aggregation: z.enum(["sum", "ratio_of_sums", "city_only", "none"]),
  numeratorLabel: z.string().nullable(),
  denominatorLabel: z.string().nullable(),
  numeratorLabelEn: z.string().nullable(),
  denominatorLabelEn: z.string().nullable(),
  appliesTo: z.array(
    z.object({ kind: z.enum(["ward", "commune", "department", "city"]), plannerSelects: z.boolean() }),
  ),
  frequency: z.enum(["month", "quarter", "half", "year"]),
  timeAggregation: z.enum(["sum", "last", "mean", "ratio_of_sums"]),
  bottlenecks: z.array(z.string()),
  status: z.enum([
    "verified-congress",
    "verified-plan-2026",
    "verified",
    "verified-en",
    "partial",
    "candidate",
    "unknown-value",
  ]),
  source: z.string(),
});

export const Catalog = z.object({ version: z.string(), targets: z.array(Target) });

export const CatalogImportBody = z
  .object({
    csv: text(900_000).min(1).describe("the catalog as CSV, same columns as `chitieu catalog export`"),
    source: text(200).optional().describe("where it comes from, e.g. the appendix's file name"),
    makeCurrent: z.boolean().optional().describe("default true"),
  })
  .strict();

export const CatalogImportResponse = z.object({
  version: z.string(),
  targets: z.number().int(),
  current: z.string(),
  previous: z.string(),
});

export const CatalogVersionParams = z.object({ version: z.string().min(1).max(64) });

// --- units -----------------------------------------------------------------------------------------------------

export const Unit = z.object({
  code: z.string(),
  kind: z.enum(["ward", "commune", "department", "city"]),
  name: Bilingual,
  targetIds: z.array(z.string()),
  toConfirm: z.boolean(),
  demo: z.boolean(),
  groups: z.array(z.string()),
  retiredFrom: z
    .string()
    .nullable()
    .describe("the first period the unit no longer reports for (retired, never deleted); null while it reports"),
});

/**
 * A period id ("2026-07", "2026-Q3", "2026-H2", "2027") for `retiredFrom`. Whatever is wrong with it (not text, too
 * long, not a period), the one message names the field and the forms it takes.
 */
function retiredFromError(issue: { input?: unknown }): string {
  const sent = ["string", "number", "boolean"].includes(typeof issue.input) ? String(issue.input) : "";
  return bilingualError({
    vi: `Trường retiredFrom (kỳ đầu tiên đơn vị thôi báo cáo) “${sent}” không phải là kỳ báo cáo: dùng dạng 2026-07 (tháng), 2026-Q3 (quý), 2026-H2 (6 tháng) hoặc 2027 (năm), hoặc null để đơn vị báo cáo trở lại`,
    en: `Field retiredFrom (the first period the unit no longer reports for) “${sent}” is not a reporting period: write 2026-07 (month), 2026-Q3 (quarter), 2026-H2 (half) or 2027 (year), or null to bring the unit back`,
  });
}

const RetiredFrom = z
  .string({ error: retiredFromError })
  .max(16, { error: retiredFromError })
  .refine((id) => parsePeriod(id) !== null, { error: retiredFromError });

export const UnitBody = z
  .object({
    kind: z.enum(["ward", "commune", "department", "city"]),
    name: z.object({ vi: text(200).min(1), en: text(200).min(1) }).strict(),
    targetIds: z.array(text(32).min(1)).max(100).default([]),
    toConfirm: z.boolean().default(false),
    demo: z.boolean().optional(),
    groups: z.array(text(64).min(1)).max(20).default([]),
    retiredFrom: RetiredFrom.nullable()
      .optional()
      .describe(
        "retire the unit from this period on (it is never deleted: its reports stay, earlier periods still expect it); null brings it back; absent keeps it as it is",
      ),
  })
  .strict();

export const UnitsQuery = z
  .object({
    group: z.string().max(64).optional(),
    q: z.string().max(100).optional().describe("search by name (tone-insensitive) or code"),
  })
  .strict();

export const UnitsResponse = z.object({ units: z.array(Unit.extend({ targetCount: z.number().int() })) });

// --- periods ---------------------------------------------------------------------------------------------------

export const PeriodsQuery = z
  .object({
    asOf: z.iso.datetime({ offset: true }).or(z.iso.date()).optional().describe("ISO date or date-time; default now"),
  })
  .strict();

export const PeriodInfo = z.object({
  id: z.string(),
  kind: z.enum(["month", "quarter", "half", "year"]),
  phase: z.enum(["upcoming", "open", "due", "late"]),
  label: Bilingual,
  dataStart: z.string(),
  dataEnd: z.string(),
  deadline: z.string(),
  demo: z.boolean(),
});

export const PeriodsResponse = z.object({ asOf: z.string(), periods: z.array(PeriodInfo) });

// --- me --------------------------------------------------------------------------------------------------------

export const MeResponse = z.object({
  tokenId: z.string(),
  role: z.enum(["unit", "planner", "admin"]),
  label: z.string(),
  unit: Unit.nullable(),
  demo: z.boolean(),
  expiresAt: z.string().nullable().describe("when this token stops working (the pane warns before); null = never"),
});

// --- submissions -----------------------------------------------------------------------------------------------

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
    dryRun: z.boolean().optional(),
  })
  .strict();

export type SubmissionRequestBody = z.infer<typeof SubmissionRequest>;

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

export const Receipt = z.object({
  submissionId: z.string(),
  unitCode: z.string(),
  period: z.string(),
  revision: z.number().int(),
  supersedes: z.string().nullable(),
  receivedAt: z.string(),
  onTime: z.boolean(),
  status: z.enum(["submitted", "returned", "accepted", "superseded"]),
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
});

// --- reports ---------------------------------------------------------------------------------------------------

export const ReportParams = z.object({ unit: z.string().min(1).max(32), period: z.string().min(1).max(16) });

export const ParsedEntry = z.object({
  targetId: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  milestone: z.enum(["not_started", "in_progress", "done"]).nullable(),
  justification: z.string().nullable(),
  evidence: z.string().nullable(),
  responsible: z.string().nullable(),
  notApplicable: z.boolean().optional().describe('the clerk answered "không áp dụng" / N/A (reason in justification)'),
});

export const ReportResponse = z.object({
  unitCode: z.string(),
  unitName: Bilingual,
  period: z.string(),
  status: ReportStatus,
  locked: z.boolean(),
  comment: z.string().nullable(),
  onTime: z.boolean().describe("the first revision arrived by the deadline (timeliness; separate from locking)"),
  firstReceivedAt: z.string(),
  lastReceivedAt: z.string(),
  revisions: z.number().int(),
  acceptedSubmissionId: z.string().nullable(),
  latest: Receipt,
  report: z.object({
    catalogVersion: z.string(),
    locale: z.enum(["vi", "en"]),
    contact: Contact.nullable().describe("the unit sheet's contact sent with the latest revision"),
    entries: z.array(EntryInput),
    parsed: z.array(ParsedEntry),
  }),
  ytd: z.record(z.string(), z.number()).describe("year-to-date sums of earlier periods that the rules used"),
});

export const HistoryItem = z.object({
  submissionId: z.string(),
  revision: z.number().int(),
  supersedes: z.string().nullable(),
  receivedAt: z.string(),
  onTime: z.boolean(),
  catalogVersion: z.string(),
  client: z.string().nullable(),
  tokenId: z.string(),
  contentHash: z.string(),
});

export const HistoryEvent = z.object({
  at: z.string(),
  action: z.string(),
  tokenId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const HistoryResponse = z.object({
  unitCode: z.string(),
  period: z.string(),
  revisions: z.array(HistoryItem),
  events: z.array(HistoryEvent),
});

export const DiffQuery = z
  .object({
    from: z.string().min(1).max(64).describe("revision number or submission id"),
    to: z.string().min(1).max(64).optional().describe("revision number or submission id; default the latest"),
  })
  .strict();

export const DiffResponse = z.object({
  unitCode: z.string(),
  period: z.string(),
  from: z.object({ submissionId: z.string(), revision: z.number().int() }),
  to: z.object({ submissionId: z.string(), revision: z.number().int() }),
  changes: z.array(Change),
});

const SeenRevision = z
  .uuid()
  .optional()
  .describe("the submission id the planner looked at; refused (409 CT_OUT_OF_DATE) if a newer one arrived");
export const ReturnBody = z.object({ comment: text(4000).trim().min(1), submissionId: SeenRevision }).strict();
export const UnlockBody = z.object({ reason: text(4000).trim().min(1) }).strict();
export const AcceptBody = z
  .object({ comment: text(4000).optional(), submissionId: SeenRevision })
  .strict()
  .optional();

export const ReportActionResponse = z.object({
  unitCode: z.string(),
  period: z.string(),
  status: ReportStatus,
  locked: z.boolean(),
  comment: z.string().nullable(),
  latestSubmissionId: z.string(),
  acceptedSubmissionId: z.string().nullable(),
});

// --- planner ---------------------------------------------------------------------------------------------------

const Flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

export const CompletenessQuery = z
  .object({
    period: z.string().min(1).max(16),
    group: z.string().max(64).optional(),
    demo: Flag.optional().describe("include demo units (training); default false"),
    asOf: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

export const CompletenessUnit = z.object({
  unitCode: z.string(),
  unitName: Bilingual,
  kind: z.string(),
  demo: z.boolean(),
  state: z.enum(["missing", "submitted", "returned", "accepted"]),
  onTime: z.boolean().nullable(),
  late: z.boolean(),
  locked: z.boolean(),
  revision: z.number().int().nullable(),
  firstReceivedAt: z.string().nullable(),
  lastReceivedAt: z.string().nullable(),
  comment: z.string().nullable(),
  contact: Contact.nullable().describe("the unit sheet's contact sent with the latest revision (null: none sent)"),
});

export const CompletenessResponse = z.object({
  period: z.string(),
  group: z.string().nullable(),
  asOf: z.string(),
  phase: z.enum(["upcoming", "open", "due", "late"]),
  deadline: z.string(),
  counts: z.object({
    expected: z.number().int(),
    submitted: z.number().int(),
    onTime: z.number().int(),
    late: z.number().int(),
    missing: z.number().int(),
    returned: z.number().int(),
    accepted: z.number().int(),
  }),
  units: z.array(CompletenessUnit),
});

export const ConsolidationQuery = z
  .object({
    period: z.string().min(1).max(16),
    group: z.string().max(64).optional(),
    basis: z.enum(["latest", "accepted"]).optional(),
    demo: Flag.optional(),
    format: z.enum(["json", "csv", "dhis2"]).optional(),
  })
  .strict();

export const CityFigure = z.object({
  targetId: z.string(),
  aggregation: z.enum(["sum", "ratio_of_sums", "city_only", "none"]),
  value: z.number().nullable(),
  numeratorSum: z.number().nullable(),
  denominatorSum: z.number().nullable(),
  milestone: z.enum(["not_started", "in_progress", "done"]).nullable(),
  unitsExpected: z.array(z.string()),
  unitsIncluded: z.array(z.string()),
  unitsMissing: z.array(z.string()),
  unitsNotApplicable: z.array(z.string()).optional().describe('units that answered "not applicable" (never 0)'),
  progress: z.enum(["met", "on_track", "at_risk", "off_track", "no_target", "no_data"]),
  target: z.unknown(),
});

export const ConsolidationResponse = z.object({
  period: z.string(),
  group: z.string().nullable(),
  basis: z.enum(["latest", "accepted"]),
  catalogVersion: z.string(),
  unitsExpected: z.array(z.string()),
  unitsIncluded: z.array(z.string()),
  unitsMissing: z.array(z.string()),
  matrix: z.array(
    z.object({
      unitCode: z.string(),
      unitName: Bilingual,
      submissionId: z.string(),
      revision: z.number().int(),
      status: ReportStatus,
      contact: Contact.nullable().describe("the unit sheet's contact sent with this revision (null: none sent)"),
      entries: z.array(ParsedEntry),
    }),
  ),
  figures: z.array(CityFigure),
});

// --- tokens (admin) --------------------------------------------------------------------------------------------

export const TokenInfo = z.object({
  id: z.string(),
  role: z.enum(["unit", "planner", "admin"]),
  unitCode: z.string().nullable(),
  label: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  expiresAt: z.string().nullable().describe("refused from this time on; null = never"),
});

export const IssueTokenBody = z
  .object({
    role: z.enum(["unit", "planner", "admin"]),
    unitCode: text(32).min(1).optional(),
    label: text(200).optional(),
    expiresInDays: z
      .number()
      .int()
      .min(1)
      .max(3650)
      .nullable()
      .optional()
      .describe("days until the token expires (default 365); null = never"),
  })
  .strict();

export const IssuedToken = TokenInfo.extend({ token: z.string().describe("shown once; only its hash is stored") });

export const DemoResetResponse = z.object({
  unitCodes: z.array(z.string()),
  deleted: z.object({ submissions: z.number().int(), reports: z.number().int(), events: z.number().int() }),
});

// --- applicability (issue #14) -----------------------------------------------------------------------------------

export const ApplicabilityEntry = z.object({
  unitCode: z.string(),
  targetId: z.string(),
  state: z.enum(["applies", "not_applicable", "always_required"]),
  from: z.string().describe("the first period the choice holds for: 2026-01, 2026-Q1, 2026-H1, 2026"),
  note: z.string().nullable().optional(),
});

export const ApplicabilityResponse = z.object({ entries: z.array(ApplicabilityEntry) });

export const ApplicabilityImportBody = z
  .object({
    csv: text(2_000_000)
      .min(1)
      .optional()
      .describe("the table as CSV: unit_code, target_id, state, from, note (as `chitieu applicability export`)"),
    entries: z.array(ApplicabilityEntry).max(20_000).optional().describe("or the choices as JSON"),
  })
  .strict();

export const ApplicabilityImportResponse = z.object({ added: z.number().int(), total: z.number().int() });
