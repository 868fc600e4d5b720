/**
 * Fakes for the task pane's two ports. FakeWorkbook really stores what is written (entries by target and field,
 * settings, the queue, marks) and can play a person typing in the sheet (emitChange). FakeApi answers like the
 * endpoint, remembers every stored submission (so a test can count revisions) and can be taken offline.
 * Every method is a jest.fn, so tests assert calls as well as state.
 */
import { workbookErrors } from "../../src/workbook/errors";
import {
  defaultCatalog,
  defaultUnitRegistry,
  validate,
  type Catalog,
  type EntryField,
  type EntryInput,
  type TargetAssessment,
  type Unit,
  type ValidationIssue,
} from "../../src/domain";
import type {
  EntryChange,
  QueuedSubmission,
  TemplateIdentity,
  TemplateStatus,
  UnitSheetContact,
  WorkbookPort,
} from "../../src/workbook/port";
import type { TemplateSpec } from "../../src/workbook/template";
import { ApiError } from "../../src/taskpane/api/client";
import type {
  ApiClient,
  Connection,
  DryRunResult,
  Me,
  PeriodInfo,
  Receipt,
  ReportState,
  SubmissionBody,
} from "../../src/taskpane/api/types";

import type { CellProblem } from "../../src/workbook/locate";

import { narrativeOfSpec, specWithNarrative } from "../../src/workbook/narrative-read";
import { specWithTaskChanges, taskSheetOfSpec, type TaskSheetRead } from "../../src/workbook/task-sheet-read";
import type { TaskChange } from "../../src/workbook/port";
import type { Task } from "../../src/domain/tasks/types";
import type { Narrative } from "../../src/domain/report/narrative";

export class FakeWorkbook implements WorkbookPort {
  identity: TemplateIdentity | null = null;
  spec: TemplateSpec | null = null;
  values = new Map<string, EntryChange["raw"]>();
  settings = new Map<string, unknown>();
  queue: QueuedSubmission[] = [];
  marks: ValidationIssue[] = [];
  selected: string[] = [];
  /** the unit sheet's people (DonVi) */
  contact: UnitSheetContact = { preparer: null, approver: null, phone: null };
  private handlers = new Set<(changes: EntryChange[]) => void>();

  ensureTemplate = jest.fn(async (spec: TemplateSpec): Promise<TemplateStatus> => {
    const before = this.identity;
    // as both real ports do: another unit's or period's report is refused, never overwritten
    if (before && (before.unitCode !== spec.identity.unitCode || before.period !== spec.identity.period))
      throw workbookErrors.otherReport(before, spec.identity);
    if (!before) this.values.clear();
    this.identity = spec.identity;
    this.spec = spec;
    return { identity: spec.identity, repaired: [], created: !before };
  });
  readIdentity = jest.fn(async () => this.identity);
  readEntries = jest.fn(async (): Promise<EntryInput[]> => {
    const spec = this.spec;
    if (!spec) return [];
    return Object.keys(spec.entry.rows).map((targetId) => {
      const e: EntryInput = { targetId };
      for (const f of spec.entry.fields[targetId])
        (e as unknown as Record<string, unknown>)[f] = this.values.get(`${targetId}|${f}`) ?? null;
      return e;
    });
  });
  /** cells the Office port would find holding a date, a boolean, an error value… (the preview port finds none) */
  problems: CellProblem[] = [];
  cellProblems = (): CellProblem[] => this.problems;
  readContact = jest.fn(async (): Promise<UnitSheetContact> => ({ ...this.contact }));
  /** the narrative sheet: kept in the spec's own ThuyetMinh cells, read and written as the preview port does */
  readNarrative = jest.fn(async () => narrativeOfSpec(this.spec as TemplateSpec));
  writeNarrative = jest.fn(async (parts: Partial<Narrative>) => {
    if (this.spec) this.spec = specWithNarrative(this.spec, parts);
  });
  /** the task sheet: kept in the spec's own TienDoNV cells, as the preview port does */
  readTasks = jest.fn(async () => taskSheetOfSpec(this.spec as TemplateSpec));
  writeTasks = jest.fn(async (changes: TaskChange[]) => {
    if (this.spec) this.spec = specWithTaskChanges(this.spec, changes);
  });
  private taskHandlers = new Set<(read: TaskSheetRead) => void>();
  onTasksChanged = jest.fn(async (handler: (read: TaskSheetRead) => void) => {
    this.taskHandlers.add(handler);
    return async () => {
      this.taskHandlers.delete(handler);
    };
  });
  /** a person typed into the task sheet */
  typeTask(changes: TaskChange[]): void {
    if (this.spec) this.spec = specWithTaskChanges(this.spec, changes);
    const read = taskSheetOfSpec(this.spec as TemplateSpec);
    for (const h of [...this.taskHandlers]) h(read);
  }
  writeEntries = jest.fn(async (changes: EntryChange[]) => {
    for (const c of changes) this.values.set(`${c.targetId}|${c.field}`, c.raw);
  });
  assessments: TargetAssessment[] = [];
  markIssues = jest.fn(async (issues: ValidationIssue[], assessments: TargetAssessment[] = []) => {
    this.marks = issues;
    this.assessments = assessments;
  });
  selectCell = jest.fn(async (address: string) => {
    this.selected.push(address);
  });
  onEntriesChanged = jest.fn(async (handler: (changes: EntryChange[]) => void) => {
    this.handlers.add(handler);
    return async () => {
      this.handlers.delete(handler);
    };
  });
  loadQueue = jest.fn(async () => this.queue.map((q) => ({ ...q })));
  saveQueue = jest.fn(async (queue: QueuedSubmission[]) => {
    this.queue = queue.map((q) => ({ ...q }));
  });
  loadSettingMock = jest.fn(async (key: string): Promise<unknown> =>
    this.settings.has(key) ? this.settings.get(key) : null,
  );
  saveSettingMock = jest.fn(async (key: string, value: unknown) => {
    this.settings.set(key, JSON.parse(JSON.stringify(value)));
  });
  loadSetting<T>(key: string): Promise<T | null> {
    return this.loadSettingMock(key) as Promise<T | null>;
  }
  saveSetting<T>(key: string, value: T): Promise<void> {
    return this.saveSettingMock(key, value);
  }

  /** a person typed or pasted into the sheet */
  emitChange(changes: EntryChange[]): void {
    for (const c of changes) this.values.set(`${c.targetId}|${c.field}`, c.raw);
    for (const h of [...this.handlers]) h(changes);
  }

  value(targetId: string, field: EntryField): unknown {
    return this.values.get(`${targetId}|${field}`);
  }

  get listening(): number {
    return this.handlers.size;
  }
}

export const WARD: Unit = defaultUnitRegistry().byCode("00004") as Unit;

export const PERIODS: PeriodInfo[] = [
  { id: "2026-02", phase: "upcoming", deadline: "2026-03-10", label: null, demo: false },
  { id: "2026-Q1", phase: "open", deadline: "2026-04-20", label: null, demo: false },
  { id: "2026-01", phase: "late", deadline: "2026-02-10", label: null, demo: false },
];

export interface StoredSubmission {
  body: SubmissionBody;
  receipt: Receipt;
}

/** An endpoint in memory: same ids replay the receipt, stale `supersedes` is 409, refused reports are 422. */
export class FakeApi implements ApiClient {
  catalogValue: Catalog = defaultCatalog();
  meValue: Me = { role: "unit", unit: WARD, demo: false };
  periodsValue: PeriodInfo[] = PERIODS;
  offline = false;
  token = "good-token";
  stored: StoredSubmission[] = [];
  reportOverride: Partial<ReportState> | null = null;
  /** the unit's key tasks (GET /tasks?unit=); none by default */
  tasksValue: Task[] = [];
  tasks = jest.fn(async (conn: Connection, unitCode: string): Promise<Task[]> => {
    this.check(conn);
    return this.tasksValue.filter((t) => t.leadUnitCode === unitCode || t.coUnitCodes.includes(unitCode));
  });
  /** replace the endpoint's dry-run verdict (to make it differ from the pane's) */
  verdictOverride: DryRunResult | null = null;

  private check(conn: Connection): void {
    if (this.offline) throw new ApiError("unreachable", conn.endpoint);
    if (conn.token !== this.token) {
      throw new ApiError("unauthorized", conn.endpoint, {
        status: 401,
        code: "CT_TOKEN_INVALID",
        problem: { vi: "Mã truy cập không đúng.", en: "The access token is not valid." },
      });
    }
  }

  private verdict(body: SubmissionBody): DryRunResult {
    if (this.verdictOverride) return this.verdictOverride;
    const r = validate(body, { catalog: this.catalogValue, units: defaultUnitRegistry() });
    return { ok: r.ok, issues: r.issues };
  }

  me = jest.fn(async (conn: Connection) => {
    this.check(conn);
    return this.meValue;
  });
  catalog = jest.fn(async (conn: Connection) => {
    this.check(conn);
    return this.catalogValue;
  });
  periods = jest.fn(async (conn: Connection) => {
    this.check(conn);
    return this.periodsValue;
  });
  dryRun = jest.fn(async (conn: Connection, body: SubmissionBody) => {
    this.check(conn);
    return this.verdict(body);
  });
  submit = jest.fn(async (conn: Connection, body: SubmissionBody): Promise<Receipt> => {
    this.check(conn);
    const same = this.stored.find((s) => s.body.submissionId === body.submissionId);
    if (same) {
      if (JSON.stringify(same.body.entries) !== JSON.stringify(body.entries)) {
        throw new ApiError("problem", conn.endpoint, {
          status: 409,
          code: "CT_SUBMISSION_CONFLICT",
          problem: { vi: "Xung đột.", en: "Conflict." },
        });
      }
      return { ...same.receipt, replay: true };
    }
    const mine = this.stored.filter((s) => s.body.unitCode === body.unitCode && s.body.period === body.period);
    const latest = mine.length ? mine[mine.length - 1].body.submissionId : null;
    if ((body.supersedes ?? null) !== latest) {
      throw new ApiError("problem", conn.endpoint, {
        status: 409,
        code: "CT_OUT_OF_DATE",
        problem: { vi: "Đã có bản mới hơn.", en: "Out of date." },
        // as the endpoint: the latest revision's id, "" when the report has none
        details: { latestSubmissionId: latest ?? "" },
      });
    }
    const v = this.verdict(body);
    if (!v.ok)
      throw new ApiError("problem", conn.endpoint, {
        status: 422,
        code: "CT_REPORT_INVALID",
        problem: { vi: "Báo cáo có lỗi.", en: "The report has errors." },
        issues: v.issues,
      });
    const receipt: Receipt = {
      submissionId: body.submissionId,
      revision: mine.length + 1,
      receivedAt: "2026-03-30T03:04:05.000Z",
      status: "submitted",
      replay: false,
    };
    this.stored.push({ body, receipt });
    return receipt;
  });
  report = jest.fn(async (conn: Connection, unitCode: string, period: string): Promise<ReportState | null> => {
    this.check(conn);
    const mine = this.stored.filter((s) => s.body.unitCode === unitCode && s.body.period === period);
    const latest = mine.length ? mine[mine.length - 1].receipt : null;
    if (!latest && !this.reportOverride) return null;
    return {
      unitCode,
      period,
      latest,
      status: latest ? "submitted" : null,
      comment: null,
      locked: false,
      ...this.reportOverride,
    };
  });
}

export const CONNECTION: Connection = { endpoint: "https://chitieu.test", token: "good-token" };
