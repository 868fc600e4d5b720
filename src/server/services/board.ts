/**
 * The planner's board for a period (GET /board): every unit of the selection that still reports, with its review
 * state. Expected units are the domain's rule (`expectedUnits`: a target applies and is due, or the unit leads or
 * co-owns a key task in the period); a selected unit for which neither holds is "not applicable", never "missing". Timeliness is the first revision's (as in completeness);
 * the contact is the one sent with this period's report, or for a missing unit the one of its latest earlier report;
 * e-mail addresses are the planners' reminder list. The CSV is the phone round's list: state, deadline, submitted
 * at (Hanoi time), contact, e-mails.
 */
import type { FastifyInstance } from "fastify";
import { BOARD_STATES, type BoardQuery, type BoardResponse, type BoardState, type BoardUnit } from "../../api";
import { expectedIn, hanoiDateTime, periodPhase, periodWindow, reportScope } from "../../domain";
import type { Period, Unit } from "../../domain/types";
import type { ReportStateRow } from "../db/schema";
import { listReportStates } from "../db/submissions";
import { lastPlannerActions, latestContacts, listReminderContacts } from "../db/reminders";
import { canonicalContact, type ReportContact } from "./content";
import { neutraliseCell } from "./export-format";
import { taskOwnersAt } from "./tasks";

const ORDER = new Map<BoardState, number>(BOARD_STATES.map((s, i) => [s, i]));

/** The states the CSV lists when none is asked: whom to call. */
export const CSV_DEFAULT_STATES: readonly BoardState[] = ["missing", "returned", "submitted_late"];

function stateOf(s: ReportStateRow | undefined, due: boolean): BoardState {
  if (!s) return due ? "missing" : "not_applicable";
  if (s.status === "accepted") return "accepted";
  if (s.status === "returned") return "returned";
  return s.first_on_time === 1 ? "submitted_on_time" : "submitted_late";
}

type LastAction = BoardUnit["lastAction"];

function lastActionOf(a: { action: string; at: string; tokenId: string | null; details: string } | undefined) {
  if (!a) return null;
  const d = JSON.parse(a.details) as { comment?: string | null; reason?: string | null };
  const action = a.action.replace("report.", "") as NonNullable<LastAction>["action"];
  return { action, at: a.at, tokenId: a.tokenId, comment: d.comment ?? d.reason ?? null };
}

function parseContact(json: string | null | undefined): ReportContact | null {
  return json ? canonicalContact(JSON.parse(json) as Partial<ReportContact>) : null;
}

/** The board's rows and counts (before the state filter). `q.demo`: the classroom's units alone (routes/board.ts
 * sets it for a demo token, demo-world.ts), real units alone otherwise. */
export async function board(
  app: FastifyInstance,
  period: Period,
  q: Pick<BoardQuery, "group" | "state" | "demo">,
  asOf: Date,
  defaultStates: readonly BoardState[] = BOARD_STATES,
): Promise<BoardResponse> {
  const ref = app.reference;
  const selected = ref.registry
    .all()
    .filter(
      expectedIn(period, { ...(q.group ? { group: q.group } : {}), includeDemo: false, onlyDemo: q.demo === true }),
    );
  const db = app.store.db;
  const [states, actions, emails, owners] = await Promise.all([
    listReportStates(db, period.id).then((rows) => new Map(rows.map((s) => [s.unit_code, s]))),
    lastPlannerActions(db, period.id),
    listReminderContacts(db),
    taskOwnersAt(db, period),
  ]);
  const missingCodes = selected.filter((u) => !states.has(u.code)).map((u) => u.code);
  const earlier = await latestContacts(db, missingCodes);
  const phase = periodPhase(period, asOf);
  const deadline = periodWindow(period).deadline;
  const rows = selected.map((u) =>
    row(u, states.get(u.code), {
      // a unit that leads or co-owns a key task has a report to send even with no figure due (issue #19)
      due: owners.has(u.code) || reportScope(ref.currentCatalog, u, period, ref.applicability).due.length > 0,
      overdue: phase === "late",
      deadline,
      action: lastActionOf(actions.get(u.code)),
      earlier: earlier.get(u.code),
      emails: emails.get(u.code)?.emails ?? [],
    }),
  );
  rows.sort(
    (a, b) =>
      (ORDER.get(a.state) as number) - (ORDER.get(b.state) as number) ||
      a.deadline.localeCompare(b.deadline) ||
      a.unitCode.localeCompare(b.unitCode),
  );
  const counts = { total: rows.length, expected: 0 } as BoardResponse["counts"];
  for (const s of BOARD_STATES) counts[s] = rows.filter((r) => r.state === s).length;
  counts.expected = rows.length - counts.not_applicable;
  const wanted = q.state ? (q.state.split(",") as BoardState[]) : [...defaultStates];
  const keep = new Set(wanted);
  return {
    period: period.id,
    group: q.group ?? null,
    states: BOARD_STATES.filter((s) => keep.has(s)),
    asOf: asOf.toISOString(),
    phase,
    deadline,
    counts,
    units: rows.filter((r) => keep.has(r.state)),
  };
}

interface RowFacts {
  due: boolean;
  overdue: boolean;
  deadline: string;
  action: LastAction;
  earlier: { period: string; contact: string } | undefined;
  emails: string[];
}

function row(u: Unit, s: ReportStateRow | undefined, f: RowFacts): BoardUnit {
  const state = stateOf(s, f.due);
  const own = parseContact(s?.latest_contact);
  const fallback = !s && f.earlier ? parseContact(f.earlier.contact) : null;
  return {
    unitCode: u.code,
    unitName: u.name,
    kind: u.kind,
    groups: u.groups,
    demo: u.demo,
    state,
    notApplicableReason: state === "not_applicable" ? "no_target_due" : null,
    reportStatus: s ? (s.status as "submitted" | "returned" | "accepted") : null,
    onTime: s ? s.first_on_time === 1 : null,
    late: s ? s.first_on_time !== 1 : state === "missing" && f.overdue,
    locked: s ? s.locked === 1 : false,
    deadline: f.deadline,
    revision: s ? s.latest_revision : null,
    latestSubmissionId: s ? s.latest_submission_id : null,
    acceptedSubmissionId: s ? s.accepted_submission_id : null,
    firstReceivedAt: s ? s.first_received_at : null,
    lastReceivedAt: s ? s.last_received_at : null,
    comment: s ? s.comment : null,
    lastAction: f.action,
    contact: own ?? fallback,
    contactSource: own ? "this_period" : fallback ? "earlier_period" : null,
    contactPeriod: own && s ? s.period : fallback && f.earlier ? f.earlier.period : null,
    emails: f.emails,
  };
}

// --- CSV -----------------------------------------------------------------------------------------------------

const STATE_LABEL: Record<BoardState, string> = {
  missing: "Chưa nộp / missing",
  returned: "Trả lại / returned",
  submitted_late: "Nộp muộn / submitted late",
  submitted_on_time: "Nộp đúng hạn / submitted on time",
  accepted: "Đã chấp nhận / accepted",
  not_applicable: "Không áp dụng / not applicable",
};

const COLUMNS = [
  "unit_code",
  "unit_name",
  "state",
  "deadline",
  "submitted_at_hanoi",
  "revision",
  "preparer",
  "approver",
  "phone",
  "contact_period",
  "emails",
  "comment",
];

function field(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "";
  const s = typeof v === "number" ? String(v) : neutraliseCell(v.normalize("NFC"));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The board as CSV: UTF-8 with BOM, CRLF, one row per unit, times in Hanoi time, formula-looking text neutralised. */
export function boardCsv(b: BoardResponse): string {
  const lines = [`\uFEFF${COLUMNS.join(",")}`];
  for (const u of b.units) {
    lines.push(
      [
        u.unitCode,
        u.unitName.vi,
        STATE_LABEL[u.state],
        u.deadline,
        u.lastReceivedAt ? hanoiDateTime(u.lastReceivedAt) : null,
        u.revision,
        u.contact?.preparer,
        u.contact?.approver,
        u.contact?.phone,
        u.contactPeriod,
        u.emails.join("; "),
        u.comment,
      ]
        .map(field)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
