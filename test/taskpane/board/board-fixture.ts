/** The planner's board as the fake endpoint answers it: five units in every state, one report, its history and diff. */
import type {
  BoardClient,
  BoardResponse,
  BoardUnit,
  DiffResponse,
  ReportResponse,
} from "../../../src/taskpane/api/board";

export const DEADLINE = "2026-04-10T16:59:59.999Z";

export function unit(code: string, state: BoardUnit["state"], extra: Partial<BoardUnit> = {}): BoardUnit {
  const sent = state !== "missing" && state !== "not_applicable";
  return {
    unitCode: code,
    unitName: { vi: `Phường ${code}`, en: `Ward ${code}` },
    kind: "ward",
    groups: [code === "00004" ? "ward" : "commune"],
    demo: false,
    state,
    notApplicableReason: null,
    reportStatus: sent ? (state === "accepted" ? "accepted" : state === "returned" ? "returned" : "submitted") : null,
    onTime: sent ? state !== "submitted_late" : null,
    late: state === "submitted_late",
    locked: state === "accepted",
    deadline: DEADLINE,
    revision: sent ? 1 : null,
    latestSubmissionId: sent ? `sub-${code}` : null,
    acceptedSubmissionId: null,
    firstReceivedAt: sent ? "2026-04-02T01:00:00Z" : null,
    lastReceivedAt: sent ? "2026-04-02T01:00:00Z" : null,
    comment: null,
    lastAction: null,
    contact: { preparer: `Người ${code}`, approver: null, phone: `0900${code}` },
    contactSource: "this_period",
    contactPeriod: "2026-Q1",
    emails: [],
    ...extra,
  };
}

export const UNITS = [
  unit("00004", "submitted_on_time"),
  unit("00008", "missing"),
  unit("00025", "accepted"),
  unit("00070", "submitted_late"),
  unit("00100", "returned"),
];

export function boardOf(units: BoardUnit[]): BoardResponse {
  const count = (s: BoardUnit["state"]) => units.filter((u) => u.state === s).length;
  return {
    period: "2026-Q1",
    group: null,
    states: [],
    asOf: "2026-04-12T00:00:00Z",
    phase: "late",
    deadline: DEADLINE,
    counts: {
      total: units.length,
      expected: units.length,
      missing: count("missing"),
      returned: count("returned"),
      submitted_late: count("submitted_late"),
      submitted_on_time: count("submitted_on_time"),
      accepted: count("accepted"),
      not_applicable: 0,
    },
    units,
  };
}

export function reportOf(code: string): ReportResponse {
  return {
    unitCode: code,
    unitName: { vi: `Phường ${code}`, en: `Ward ${code}` },
    period: "2026-Q1",
    status: "submitted",
    locked: false,
    comment: null,
    onTime: true,
    firstReceivedAt: "2026-04-02T01:00:00Z",
    lastReceivedAt: "2026-04-03T01:00:00Z",
    revisions: 2,
    acceptedSubmissionId: null,
    latest: {
      submissionId: `sub-${code}-2`,
      unitCode: code,
      period: "2026-Q1",
      revision: 2,
      supersedes: `sub-${code}`,
      receivedAt: "2026-04-03T01:00:00Z",
      onTime: true,
      status: "submitted",
      replay: false,
    },
    report: {
      catalogVersion: "v",
      locale: "vi",
      contact: null,
      entries: [],
      parsed: [
        {
          targetId: "S02",
          value: 12,
          numerator: null,
          denominator: null,
          milestone: null,
          justification: null,
          evidence: null,
          responsible: null,
        },
        {
          targetId: "E10",
          value: null,
          numerator: null,
          denominator: null,
          milestone: null,
          justification: "Phường không có đất nông nghiệp",
          evidence: null,
          responsible: null,
          notApplicable: true,
        },
      ],
    },
    ytd: {},
    assessments: [{ targetId: "S02", progress: "met", figure: 12 }],
    history: { revisions: [], events: [] },
  };
}

export type Mocked = { [K in keyof BoardClient]: jest.Mock };

export function fakeClient(): Mocked & BoardClient {
  const action = (code: string, status: "returned" | "accepted" | "submitted") => ({
    unitCode: code,
    period: "2026-Q1",
    status,
    locked: status === "accepted",
    comment: null,
    latestSubmissionId: `sub-${code}-2`,
    acceptedSubmissionId: null,
  });
  const client = {
    board: jest.fn(async () => boardOf(UNITS)),
    report: jest.fn(async (_c: unknown, code: string) => reportOf(code)),
    history: jest.fn(async (_c: unknown, code: string) => ({
      unitCode: code,
      period: "2026-Q1",
      revisions: [
        {
          submissionId: `sub-${code}`,
          revision: 1,
          supersedes: null,
          receivedAt: "2026-04-02T01:00:00Z",
          onTime: true,
          catalogVersion: "v",
          client: "taskpane",
          tokenId: "t",
          contentHash: "h1",
        },
        {
          submissionId: `sub-${code}-2`,
          revision: 2,
          supersedes: `sub-${code}`,
          receivedAt: "2026-04-03T01:00:00Z",
          onTime: true,
          catalogVersion: "v",
          client: "cli",
          tokenId: "t",
          contentHash: "h2",
        },
      ],
      events: [
        { at: "2026-04-02T05:00:00Z", action: "report.returned", tokenId: "p", details: { comment: "S02 sai" } },
      ],
    })),
    diff: jest.fn(
      async (_c: unknown, code: string, _p: string, against: DiffResponse["against"]): Promise<DiffResponse> => ({
        unitCode: code,
        period: "2026-Q1",
        against,
        from: {
          submissionId: `sub-${code}`,
          period: against === "previous-period" ? "2025-Q4" : "2026-Q1",
          revision: 1,
          receivedAt: "x",
        },
        to: { submissionId: `sub-${code}-2`, period: "2026-Q1", revision: 2, receivedAt: "y" },
        changes: [],
        targets: [
          {
            targetId: "S02",
            changed: true,
            from: {
              figure: 11,
              value: 11,
              numerator: null,
              denominator: null,
              milestone: null,
              progress: "at_risk",
              notApplicable: false,
              justification: null,
            },
            to: {
              figure: 12,
              value: 12,
              numerator: null,
              denominator: null,
              milestone: null,
              progress: "met",
              notApplicable: false,
              justification: null,
            },
          },
        ],
        narrative: [],
        tasks: [],
      }),
    ),
    returnReport: jest.fn(async (_c: unknown, code: string) => action(code, "returned")),
    accept: jest.fn(async (_c: unknown, code: string) => action(code, "accepted")),
    unlock: jest.fn(async (_c: unknown, code: string) => action(code, "submitted")),
    acceptMany: jest.fn(async (_c: unknown, items: { unit: string; period: string; revision: number }[]) => ({
      counts: { accepted: items.length - 1, already_accepted: 0, conflict: 1, not_found: 0, forbidden: 0 },
      results: items.map((it, i) => ({
        unit: it.unit,
        period: it.period,
        revision: it.revision,
        outcome: i === 0 ? ("conflict" as const) : ("accepted" as const),
        latestRevision: i === 0 ? 2 : it.revision,
        status: "submitted" as const,
        locked: i !== 0,
        error:
          i === 0
            ? { code: "CT_OUT_OF_DATE", message: { vi: "Đã có bản mới hơn", en: "A newer revision arrived" } }
            : null,
      })),
    })),
  };
  return client as unknown as Mocked & BoardClient;
}
