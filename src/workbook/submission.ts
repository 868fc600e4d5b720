/**
 * The one request builder for POST /api/v1/submissions. The task pane and `chitieu submit` both call it, so the
 * endpoint receives exactly the same body whichever way a report is sent. Pure: no Office, no Node, no fetch.
 */
import type { EntryInput, Locale, RawValue } from "../domain/types";
import { canonicalNarrative, type Narrative } from "../domain/report/narrative";
import { canonicalTaskProgress } from "../domain/report/task-progress";
import type { TaskProgress } from "../domain/tasks/types";
import type { TemplateIdentity, UnitSheetContact } from "./port";

export interface SubmissionBody {
  /** a UUID made by the client; reused for every retry of the same submission (never duplicates) */
  submissionId: string;
  /** the submission id this one replaces (the latest stored revision), or null for the first */
  supersedes: string | null;
  unitCode: string;
  period: string;
  catalogVersion: string;
  /** how ambiguous numbers such as "1.234" are read */
  locale: Locale;
  entries: EntryInput[];
  /** the unit sheet's preparer, approver and phone; left out when all three are blank */
  contact?: UnitSheetContact;
  /** the narrative's four parts; left out when all four are blank */
  narrative?: Narrative;
  /** progress on the unit's key tasks; left out when the workbook has no task sheet */
  tasks?: TaskProgress[];
  dryRun: boolean;
}

export interface BuildSubmissionInput {
  identity: Pick<TemplateIdentity, "unitCode" | "period" | "catalogVersion">;
  entries: readonly EntryInput[];
  submissionId: string;
  supersedes?: string | null;
  locale: Locale;
  /** the unit sheet's people, as the workbook reader returns them */
  contact?: UnitSheetContact | null;
  /** the narrative sheet's (or the pane's) four parts */
  narrative?: Partial<Narrative> | null;
  /** the task sheet's (or the pane's) progress rows; undefined: none sent (an older template) */
  tasks?: readonly TaskProgress[] | null;
  dryRun?: boolean;
}

function text(v: string | null | undefined): string | null | undefined {
  if (v === undefined || v === null) return v;
  return v.normalize("NFC");
}

function raw(v: RawValue): RawValue {
  return typeof v === "string" ? v.normalize("NFC") : v;
}

/** Trimmed NFC text, blank as null; null when all three are blank, so a workbook without names sends no contact. */
function contactOf(c: UnitSheetContact | null | undefined): UnitSheetContact | null {
  if (!c) return null;
  const field = (v: string | null): string | null => {
    const t = v ? v.trim().normalize("NFC") : "";
    return t === "" ? null : t;
  };
  const out = { preparer: field(c.preparer), approver: field(c.approver), phone: field(c.phone) };
  return out.preparer === null && out.approver === null && out.phone === null ? null : out;
}

/** Entries keep every field the reader found (blank stays blank — never 0); text is NFC. */
export function buildSubmission(input: BuildSubmissionInput): SubmissionBody {
  const contact = contactOf(input.contact);
  const narrative = canonicalNarrative(input.narrative);
  return {
    submissionId: input.submissionId.toLowerCase(),
    supersedes: input.supersedes ? input.supersedes.toLowerCase() : null,
    unitCode: input.identity.unitCode.trim(),
    period: input.identity.period.trim(),
    catalogVersion: input.identity.catalogVersion.trim(),
    locale: input.locale,
    entries: input.entries.map((e) => {
      const out: EntryInput = { targetId: e.targetId.trim() };
      if (e.value !== undefined) out.value = raw(e.value);
      if (e.numerator !== undefined) out.numerator = raw(e.numerator);
      if (e.denominator !== undefined) out.denominator = raw(e.denominator);
      if (e.milestone !== undefined) out.milestone = raw(e.milestone);
      if (e.justification !== undefined) out.justification = text(e.justification);
      if (e.evidence !== undefined) out.evidence = text(e.evidence);
      if (e.responsible !== undefined) out.responsible = text(e.responsible);
      return out;
    }),
    ...(contact ? { contact } : {}),
    ...(narrative ? { narrative } : {}),
    ...(input.tasks ? { tasks: input.tasks.map(canonicalTaskProgress) } : {}),
    dryRun: input.dryRun ?? false,
  };
}
