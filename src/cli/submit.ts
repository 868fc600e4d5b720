import path from "node:path";
import { randomUUID } from "node:crypto";
import { createUnitRegistry } from "../domain";
import { isAppError } from "../domain/errors";
import type { Catalog, EntryField } from "../domain/types";
import { cellProblemsError } from "../workbook/cell-problems";
import { readWorkbookFile } from "../workbook/xlsx/node-inflate";
import { buildSubmission } from "../workbook/submission";
import {
  Catalog as CatalogAnswer,
  DryRunResponse,
  HistoryResponse,
  Receipt,
  ReportResponse,
  ValidationIssue as ValidationIssueAnswer,
  type ValidationIssueWire,
  UnitsResponse,
  paths,
} from "../api";
import { answerOf, problemOf, type EndpointResponse } from "./client";
import { CT_UNEXPECTED_RESPONSE } from "../server/errors";
import { clientFromFlags, parseCommand, usageError } from "./flags";
import { printBilingual, type CliIo } from "./io";
import { ENTRY_FIELDS } from "../domain/entry-fields";

const HELP = `chitieu submit <file.xlsx> --endpoint URL --token T [--dry-run] [--submission-id UUID] [--supersedes UUID]
               [--ca file] [--json]

Reads a filled template workbook, sends it exactly as the task pane does and prints the receipt (submission id,
revision, time) or every issue with its cell. Exit 0: stored (or, with --dry-run, nothing blocking); 1: refused;
2: wrong usage; 3: the endpoint could not be reached. A retry with the same --submission-id never makes a duplicate.
Environment: CHITIEU_ENDPOINT, CHITIEU_TOKEN, NODE_EXTRA_CA_CERTS.
`;

const FIELDS: readonly string[] = ENTRY_FIELDS;
const MARK: Record<string, string> = { error: "✖", warning: "⚠", info: "ℹ" };

/** Print an issue as `✖ E01 — message → at Nhap!G14`, Vietnamese then English. */
export function printIssue(
  io: CliIo,
  issue: ValidationIssueWire,
  cellOf?: (targetId: string, field: EntryField) => string | undefined,
): void {
  const field = issue.path[2];
  const cell =
    issue.cell ??
    (cellOf && issue.targetId && typeof field === "string" && FIELDS.includes(field)
      ? cellOf(issue.targetId, field as EntryField)
      : undefined);
  const where = cell ? ` → ${cell}` : "";
  const who = issue.targetId ? `${issue.targetId} — ` : "";
  const just = issue.severity === "warning" && issue.justified ? " (đã giải trình / justified)" : "";
  io.stdout.write(`${MARK[issue.severity] ?? "•"} ${who}${issue.message.vi}${where}${just}\n`);
  io.stdout.write(`  ${who}${issue.message.en}${where ? ` → at ${cell}` : ""}\n`);
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(argv, io, HELP, {
    allowPositionals: true,
    options: {
      endpoint: { type: "string" },
      token: { type: "string" },
      ca: { type: "string" },
      "dry-run": { type: "boolean" },
      "submission-id": { type: "string" },
      supersedes: { type: "string" },
      json: { type: "boolean" },
    },
  });
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const file = positionals[0];
  if (!file)
    return usageError(io, "Thiếu tệp .xlsx cần gửi.", "Which .xlsx file? Give it as the first argument.", HELP);
  const submissionId = values["submission-id"] ?? randomUUID();
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(submissionId)) {
    return usageError(
      io,
      `--submission-id phải là UUID: “${submissionId}”.`,
      `--submission-id must be a UUID: “${submissionId}”.`,
      HELP,
    );
  }
  const client = clientFromFlags(values, io, HELP, "chitieu-cli submit");
  if (!client) return 2;

  try {
    // the endpoint's current catalog and units: the workbook is read exactly as the server will judge it
    const catalogRes = await client.request("GET", paths.catalog);
    const unitsRes = await client.request("GET", paths.units);
    if (catalogRes.status !== 200 || unitsRes.status !== 200) {
      throw CT_UNEXPECTED_RESPONSE({
        endpoint: client.endpoint,
        status: catalogRes.status,
        body: catalogRes.text.slice(0, 200),
      });
    }
    const catalog: Catalog = answerOf(client, catalogRes, CatalogAnswer);
    const registry = createUnitRegistry(answerOf(client, unitsRes, UnitsResponse).units);
    const read = readWorkbookFile(path.resolve(io.cwd, file), { catalog, units: registry });
    if (read.problems.length > 0) throw cellProblemsError(read.problems);
    const { unitCode, period } = read.identity;

    // supersedes: the latest stored revision — unless this id is already stored (a retry), whose request must be
    // sent again exactly as it was, with the supersedes it had then
    let supersedes: string | null = values.supersedes ?? null;
    if (!values.supersedes) {
      const report = await client.request("GET", paths.report(unitCode, period));
      if (report.status === 200) {
        const latest = answerOf(client, report, ReportResponse).latest;
        supersedes = latest.submissionId;
        if (latest.submissionId === submissionId.toLowerCase()) {
          supersedes = latest.supersedes;
        } else if (values["submission-id"]) {
          const h = await client.request("GET", paths.reportHistory(unitCode, period));
          const earlier = answerOf(client, h, HistoryResponse).revisions.find(
            (r) => r.submissionId === submissionId.toLowerCase(),
          );
          if (earlier) supersedes = earlier.supersedes;
        }
      } else if (report.status !== 404 || problemOf(report)?.code !== "CT_REPORT_NOT_FOUND") {
        return refused(io, report, read.cellOf, values.json === true);
      }
    }

    const body = buildSubmission({
      identity: read.identity,
      entries: read.entries,
      contact: read.unitSheet,
      narrative: read.narrative,
      // a template with the task sheet sends its progress (an empty list when the unit has no task or left it blank)
      ...(read.taskCellOf("", "state") !== undefined || read.taskProgress.length > 0
        ? { tasks: read.taskProgress }
        : {}),
      submissionId,
      supersedes,
      locale: read.locale,
      dryRun: values["dry-run"] === true,
    });
    const res = await client.request("POST", paths.submissions, body);
    if (res.status !== 200 && res.status !== 201)
      return refused(io, res, read.cellOf, values.json === true, submissionId);
    if (values.json) io.stdout.write(`${JSON.stringify(res.json, null, 2)}\n`);
    const j = answerOf(client, res, body.dryRun ? DryRunResponse : Receipt);
    if ("dryRun" in j) {
      const issues = j.issues;
      if (!values.json) {
        for (const issue of issues) printIssue(io, issue, read.cellOf);
        printBilingual(
          io.stdout,
          j.ok
            ? {
                vi: `Kiểm tra thử: báo cáo ${unitCode} kỳ ${period} có thể gửi (sẽ là lần sửa ${String(j.wouldCreateRevision)}).`,
                en: `Dry run: report ${unitCode} for ${period} can be sent (it would be revision ${String(j.wouldCreateRevision)}).`,
              }
            : {
                vi: `Kiểm tra thử: báo cáo ${unitCode} kỳ ${period} chưa gửi được — sửa các lỗi ✖ và giải trình các cảnh báo ⚠.`,
                en: `Dry run: report ${unitCode} for ${period} cannot be sent yet — fix the ✖ errors and justify the ⚠ warnings.`,
              },
        );
      }
      return j.ok ? 0 : 1;
    }
    if (!values.json) {
      const replay = j.replay === true;
      printBilingual(io.stdout, {
        vi: `${replay ? "Đã có từ trước (gửi lại, không tạo bản mới)" : "Đã lưu"}: ${unitCode} kỳ ${period}, lần sửa ${String(j.revision)}, mã ${String(j.submissionId)}, nhận lúc ${String(j.receivedAt)}${j.onTime ? " (đúng hạn)" : " (trễ hạn)"}.`,
        en: `${replay ? "Already stored (a retry; nothing new written)" : "Stored"}: ${unitCode} for ${period}, revision ${String(j.revision)}, id ${String(j.submissionId)}, received ${String(j.receivedAt)}${j.onTime ? " (on time)" : " (late)"}.`,
      });
    }
    return 0;
  } catch (e) {
    if (!isAppError(e)) throw e;
    printBilingual(io.stderr, e.messages, "✖ ");
    if (e.code === "CT_ENDPOINT_UNREACHABLE" || e.code === "CT_TLS_UNTRUSTED") {
      printBilingual(io.stderr, {
        vi: `Gửi lại sau với --submission-id ${submissionId}: máy chủ sẽ không lưu hai lần.`,
        en: `Retry later with --submission-id ${submissionId}: the endpoint never stores it twice.`,
      });
      return 3;
    }
    // a workbook that cannot be read (not an .xlsx, another template, a deleted row…): nothing was sent
    return 1;
  }
}

function refused(
  io: CliIo,
  res: EndpointResponse,
  cellOf: (targetId: string, field: EntryField) => string | undefined,
  json: boolean,
  submissionId?: string,
): number {
  const problem = problemOf(res);
  if (json) {
    io.stdout.write(`${JSON.stringify(res.json ?? { status: res.status, body: res.text }, null, 2)}\n`);
    return 1;
  }
  if (!problem) {
    printBilingual(
      io.stderr,
      { vi: `Máy chủ từ chối (HTTP ${res.status}).`, en: `The endpoint refused it (HTTP ${res.status}).` },
      "✖ ",
    );
    return 1;
  }
  printBilingual(io.stderr, problem.message, `✖ ${problem.code}: `);
  for (const issue of problem.issues) {
    const known = ValidationIssueAnswer.safeParse(issue);
    if (known.success) printIssue(io, known.data, cellOf);
    else io.stdout.write(`✖ ${JSON.stringify(issue)}\n`);
  }
  if (submissionId && res.status >= 500) {
    printBilingual(io.stderr, {
      vi: `Gửi lại với --submission-id ${submissionId}.`,
      en: `Retry with --submission-id ${submissionId}.`,
    });
  }
  return 1;
}
