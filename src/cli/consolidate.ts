/**
 * `chitieu consolidate`: many unit workbooks (or the endpoint's consolidation) → one consolidated workbook in the
 * template's layout, with the unit × target matrix, completeness, the 43-target scorecard and charts.
 *
 * Files are read one at a time with the template reader, validated by the domain rules, reduced into a compact record
 * and dropped (memory does not grow with the workbooks' size). Every file that cannot be used is listed with its
 * reason and cell; two different files for one unit × period are used only when --prefer-newer says the newer wins.
 */
import fs from "node:fs";
import path from "node:path";
import {
  defaultCatalog,
  defaultUnitRegistry,
  parsePeriod,
  type Bilingual,
  type Catalog,
  type TaskBoard,
  type UnitRegistry,
} from "../domain";
import {
  unitGroupName,
  viewFromEndpoint,
  viewFromFiles,
  type ConsolidationResult,
  type ConsolidationView,
  type EndpointCompleteness,
  type EndpointConsolidation,
  type FileVerdict,
} from "../domain/scorecard";
import { transportFailure, type EndpointClient } from "./client";
import { buildConsolidatedSpec } from "../workbook/consolidated";
import { jsonResult } from "./consolidate-json";
import { boardFromEndpoint, boardFromFiles, registerFromFlag } from "./consolidate-tasks";
import { collectInputs, consolidateFiles } from "./consolidate-files";
import { parseCommand, usageError } from "./flags";
import { printBilingual, progressBar, type CliIo } from "./io";

// The endpoint client and the ExcelJS writer are loaded when needed. The reading threads' entry is
// consolidate-worker.ts and the library the benchmarks use is consolidate-files.ts.

const HELP = `chitieu consolidate <files or folders…> -o consolidated.xlsx [options]
chitieu consolidate --from-endpoint URL --token T --period P -o consolidated.xlsx [options]
chitieu consolidate --from P --to P … -o trend.xlsx   (the trend workbook over a range: chitieu consolidate --from 2026-01 --help)

Tổng hợp báo cáo của các đơn vị thành một sổ: TongHop (giá trị thành phố theo bố cục mẫu), MaTran (đơn vị × chỉ tiêu),
TienDo (tiến độ nộp), ThePhanLoai (thẻ phân loại 43 chỉ tiêu), BieuDo (biểu đồ).
Consolidates unit reports into one workbook: TongHop (city figures in the template's layout), MaTran (unit × target),
TienDo (completeness), ThePhanLoai (the 43-target scorecard), BieuDo (charts).

  -o, --output FILE     the consolidated .xlsx to write
  --period P            the period to consolidate (2026-01, 2026-Q1, 2026-H1, 2026); files of other periods are skipped
  --group G             only the units of this group (e.g. wards, communes, departments)
  --from-endpoint URL   consolidate from the endpoint instead of files (needs --token, --period; --ca for a dev certificate)
  --basis latest|accepted   endpoint: each unit's latest revision (default) or accepted ones only
  --json                write per target the city value, Σ numerator, Σ denominator, status, units included and missing,
                        and the period's task board (tasks), to stdout
  --allow-rejected      exit 0 even when some files were rejected
  --whole-file          one bad figure rejects its whole file (default: the file's valid figures are used, each bad
                        figure is listed with its cell and counts as missing for that target only)
  --prefer-newer        when two different files report the same unit and period, the one saved last wins
  --spread-target ID    the target whose spread across units is charted (default: the ratio target most units reported)
  --tasks FILE          files: the key-task list (.csv/.xlsx, the columns of chitieu tasks) the files' task progress
                        is read against (default: the starter list from public sources, not the official list)
  --include-demo        include demo units' workbooks (training only)
  --demo                the classroom alone: demo units' workbooks (the demo group's figures), real ones skipped;
                        from the endpoint, the demo group (a demo planner token always gets it)
  --workers N           threads reading workbooks (default: one per core, up to 4, for 200 files or more; 0 = none)

Exit codes: 0 done; 1 a file was rejected or a duplicate is unresolved (unless --allow-rejected), or nothing to
consolidate; 2 usage; 3 endpoint unreachable.
`;

// ------------------------------------------------------------------------------------------------------------------
// Reading many workbooks: one at a time, or on worker threads
// ------------------------------------------------------------------------------------------------------------------

function relative(io: CliIo, file: string): string {
  const r = path.relative(io.cwd, file);
  return r && !r.startsWith("..") ? r : file;
}

function printVerdicts(io: CliIo, files: FileVerdict[], status: FileVerdict["status"], title: Bilingual): void {
  const list = files.filter((f) => f.status === status);
  if (list.length === 0) return;
  printBilingual(io.stderr, { vi: `${title.vi}: ${list.length}`, en: `${title.en}: ${list.length}` });
  for (const f of list) {
    io.stderr.write(
      `  ✖ ${relative(io, f.source)}${f.unitCode ? ` (${f.unitCode}${f.period ? `, ${f.period}` : ""})` : ""}\n`,
    );
    for (const r of f.reasons) {
      // a message that already names its target or cell is printed as it is: nothing said twice
      const line = (m: string): string =>
        `      ${r.targetId && !m.includes(r.targetId) ? `${r.targetId} — ` : ""}${m}${r.cell && !m.includes(r.cell) ? ` → ${r.cell}` : ""}\n`;
      io.stderr.write(line(r.message.vi) + line(r.message.en));
    }
  }
}

/** The group's unit codes; the classroom's (`demo`): its demo units alone, never summed with a real unit. */
function groupUnits(units: UnitRegistry, group: string | undefined, demo: boolean): string[] | undefined {
  if (!group && !demo) return undefined;
  return units
    .all()
    .filter((u) => (!group || u.groups.includes(group)) && (!demo || u.demo))
    .map((u) => u.code);
}

async function fromEndpoint(
  client: EndpointClient,
  period: string,
  group: string | undefined,
  basis: string,
  includeDemo: boolean,
  io: CliIo,
): Promise<{ view: ConsolidationView } | { exit: number }> {
  const { answerOf, refusal } = require("./client") as typeof import("./client");
  const {
    paths,
    queryString,
    ConsolidationResponse,
    CompletenessResponse,
    Catalog: CatalogAnswer,
  } = require("../api") as typeof import("../api");
  const query = { period, group, ...(includeDemo ? { demo: "true" } : {}) };
  const cons = await client.request("GET", `${paths.consolidation}${queryString({ ...query, basis })}`);
  if (cons.status !== 200) return { exit: refusal(io, cons) };
  const done = await client.request("GET", `${paths.completeness}${queryString(query)}`);
  if (done.status !== 200) return { exit: refusal(io, done) };
  const c: EndpointConsolidation = answerOf(client, cons, ConsolidationResponse);
  let catalog: Catalog = defaultCatalog();
  if (c.catalogVersion !== catalog.version) {
    const cat = await client.request("GET", paths.catalog);
    if (cat.status !== 200) return { exit: refusal(io, cat) };
    catalog = answerOf(client, cat, CatalogAnswer);
  }
  const p = parsePeriod(period);
  if (!p) throw new Error("period checked before");
  const completeness: EndpointCompleteness = answerOf(client, done, CompletenessResponse);
  const view = viewFromEndpoint(c, completeness, {
    catalog,
    period: p,
    units: defaultUnitRegistry(),
    generatedAt: new Date().toISOString(),
  });
  return { view };
}

/** The flags of `chitieu consolidate`; a number is the exit code of a usage error. */
function parseConsolidateFlags(argv: string[], io: CliIo) {
  return parseCommand(argv, io, HELP, {
    allowPositionals: true,
    options: {
      output: { type: "string", short: "o" },
      period: { type: "string" },
      group: { type: "string" },
      "from-endpoint": { type: "string" },
      token: { type: "string" },
      ca: { type: "string" },
      basis: { type: "string" },
      json: { type: "boolean" },
      "allow-rejected": { type: "boolean" },
      "whole-file": { type: "boolean" },
      "prefer-newer": { type: "boolean" },
      "spread-target": { type: "string" },
      "include-demo": { type: "boolean" },
      tasks: { type: "string" },
      demo: { type: "boolean" },
      workers: { type: "string" },
    },
  });
}

type ConsolidateFlags = Exclude<ReturnType<typeof parseConsolidateFlags>, number>["values"];

/** What one run consolidated: the view to write, the files' result (null from the endpoint), the exit code so far. */
interface Consolidated {
  view: ConsolidationView;
  result: ConsolidationResult | null;
  /** files in the folders that are not report workbooks (listed, counted in the summary) */
  ignored: number;
  exit: number;
  taskBoard?: TaskBoard | null; // the period's task board (NhiemVu sheet), when there is one
}

/** --from-endpoint: the endpoint's consolidation of one period; a number is the exit code. */
async function viaEndpoint(
  values: ConsolidateFlags,
  period: string | undefined,
  includeDemo: boolean,
  io: CliIo,
): Promise<Consolidated | number> {
  if (!period)
    return usageError(io, "Tổng hợp từ máy chủ cần --period.", "Consolidating from the endpoint needs --period.", HELP);
  const basis = values.basis ?? "latest";
  if (basis !== "latest" && basis !== "accepted") {
    return usageError(io, "--basis phải là latest hoặc accepted.", "--basis must be latest or accepted.", HELP);
  }
  const { clientFromFlags } = require("./flags") as typeof import("./flags");
  const client = clientFromFlags(
    { endpoint: values["from-endpoint"], token: values.token, ca: values.ca },
    io,
    HELP,
    "chitieu-cli consolidate",
  );
  if (!client) return 2;
  try {
    const got = await fromEndpoint(client, period, values.group, basis, includeDemo, io);
    if ("exit" in got) return got.exit;
    const taskBoard = await boardFromEndpoint(client, { period, basis, includeDemo }, io, {
      vi: "sổ tổng hợp không có trang NhiemVu.",
      en: "the workbook has no NhiemVu sheet.",
    });
    return { view: got.view, result: null, ignored: 0, exit: 0, taskBoard };
  } catch (e) {
    const exit = transportFailure(io, e);
    if (exit === null) throw e;
    return exit;
  }
}

/** Files and folders: read, checked and consolidated on this machine; a number is the exit code. */
async function viaFiles(
  values: ConsolidateFlags,
  positionals: string[],
  scope: {
    period: string | undefined;
    unitCodes: string[] | undefined;
    includeDemo: boolean;
    catalog: Catalog;
    units: UnitRegistry;
  },
  io: CliIo,
): Promise<Consolidated | number> {
  const { period, unitCodes, includeDemo, catalog, units } = scope;
  if (positionals.length === 0)
    return usageError(io, "Chưa chỉ ra tệp hoặc thư mục nào.", "No file or folder given.", HELP);
  const taskRegister = await registerFromFlag(values.tasks, io);
  if (!taskRegister) return 1;
  const inputs = collectInputs(positionals, io.cwd, values.output ? [values.output] : []);
  for (const m of inputs.missing) {
    printBilingual(io.stderr, { vi: `Không thấy tệp hoặc thư mục: ${m}`, en: `No such file or folder: ${m}` }, "✖ ");
  }
  if (inputs.missing.length > 0) return 2;
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0 && workers <= 64)) {
    return usageError(
      io,
      "--workers phải là số nguyên từ 0 đến 64.",
      "--workers must be a whole number from 0 to 64.",
      HELP,
    );
  }
  const bar = progressBar(io, inputs.files.length);
  let threadLost = 0;
  const result = await consolidateFiles(
    inputs.files.map((f) => ({ path: f, source: relative(io, f) })),
    {
      ...(period ? { period } : {}),
      ...(unitCodes ? { unitCodes } : {}),
      preferNewer: values["prefer-newer"] === true,
      wholeFile: values["whole-file"] === true,
      includeDemo,
      taskRegister,
      ...(workers !== undefined ? { workers } : {}),
      onFile: (source) => bar.tick(source),
      onThreadLost: () => {
        if (threadLost++ > 0) return;
        printBilingual(
          io.stderr,
          {
            vi: "Một luồng đọc hết bộ nhớ giới hạn; các tệp của nó được đọc lại trên luồng chính (kết quả không đổi).",
            en: "A reading thread ran out of its bounded memory; its files are read again on the main thread (same result).",
          },
          "· ",
        );
      },
    },
  );
  bar.done();
  for (const ig of inputs.ignored) {
    io.stderr.write(`  · ${relative(io, ig.file)}: bỏ qua, ${ig.reason.vi} / skipped, ${ig.reason.en}\n`);
  }
  const periods = result.periods;
  if (periods.length === 0) {
    printVerdicts(io, result.files, "rejected", { vi: "Tệp bị từ chối", en: "Files rejected" });
    printVerdicts(io, result.files, "skipped", { vi: "Tệp bỏ qua", en: "Files skipped" });
    printBilingual(
      io.stderr,
      { vi: "Không có báo cáo nào dùng được để tổng hợp.", en: "No usable report to consolidate." },
      "✖ ",
    );
    return 1;
  }
  if (periods.length > 1) {
    const list = periods.map((p) => `${p.period.id} (${p.submissions.size})`).join(", ");
    return usageError(
      io,
      `Các tệp thuộc nhiều kỳ báo cáo: ${list}. Chọn một kỳ với --period.`,
      `The files cover several periods: ${list}. Choose one with --period.`,
      HELP,
    );
  }
  const view = viewFromFiles(periods[0], {
    catalog,
    units,
    ...(unitCodes ? { unitCodes } : {}),
    includeDemo,
    group:
      values.group || values.demo
        ? { id: values.group ?? "demo", name: unitGroupName(values.group ?? "demo") }
        : undefined,
    generatedAt: new Date().toISOString(),
  });
  const bad = result.counts.rejected + result.counts.conflict;
  const exit = bad > 0 && !values["allow-rejected"] ? 1 : 0;
  const p = periods[0]!;
  const taskBoard = boardFromFiles(taskRegister, p.taskReports, p.period, {
    includeDemo,
    ...(unitCodes ? { unitCodes } : {}),
  });
  return { view, result, ignored: inputs.ignored.length, exit, taskBoard };
}

/** The files' counts, then every file not used as is, by status. */
function printFileSummary(io: CliIo, result: ConsolidationResult, ignored: number): void {
  const c = result.counts;
  // the lock files and non-spreadsheets listed above ("· …: bỏ qua") are counted here too
  const n = ignored;
  printBilingual(io.stderr, {
    vi: `Đã đọc ${c.read} tệp: dùng ${c.accepted}, từ chối ${c.rejected}, bỏ qua ${c.skipped}, bản sao giống hệt ${c.identical}, bị thay bằng tệp mới hơn ${c.superseded}, trùng chưa giải quyết ${c.conflict}.${n ? ` Không đọc ${n} tệp không phải sổ báo cáo (liệt kê ở trên).` : ""}`,
    en: `Read ${c.read} files: used ${c.accepted}, rejected ${c.rejected}, skipped ${c.skipped}, identical copies ${c.identical}, superseded by a newer file ${c.superseded}, unresolved duplicates ${c.conflict}.${n ? ` Not read: ${n} files that are not report workbooks (listed above).` : ""}`,
  });
  printVerdicts(io, result.files, "rejected", { vi: "Tệp bị từ chối", en: "Files rejected" });
  printVerdicts(io, result.files, "accepted", {
    vi: "Tệp dùng một phần (số liệu sai bị bỏ, tính là thiếu cho chỉ tiêu đó)",
    en: "Files used in part (bad figures left out, missing for that target only)",
  });
  printVerdicts(io, result.files, "conflict", {
    vi: "Tệp trùng đơn vị và kỳ (chưa dùng)",
    en: "Files for the same unit and period (not used)",
  });
  printVerdicts(io, result.files, "skipped", { vi: "Tệp bỏ qua", en: "Files skipped" });
  printVerdicts(io, result.files, "superseded", { vi: "Tệp cũ hơn, đã thay", en: "Older files, replaced" });
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  // a range of periods (--from/--to) writes the trend workbook (consolidate-range.ts)
  if (argv.some((a) => /^--(from|to)(=|$)/.test(a)))
    return (require("./consolidate-range") as typeof import("./consolidate-range")).run(argv, io);
  const parsed = parseConsolidateFlags(argv, io);
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  if (!values.output && !values.json) {
    return usageError(io, "Cần -o <tệp.xlsx> (hoặc --json).", "Give -o <file.xlsx> (or --json).", HELP);
  }
  if (values.period !== undefined && !parsePeriod(values.period)) {
    return usageError(
      io,
      `Kỳ "${values.period}" không hợp lệ: dùng 2026-01, 2026-Q1, 2026-H1 hoặc 2026.`,
      `Period "${values.period}" is not valid: use 2026-01, 2026-Q1, 2026-H1 or 2026.`,
      HELP,
    );
  }
  const period = values.period ? (parsePeriod(values.period)?.id as string) : undefined;
  const catalog = defaultCatalog();
  const units = defaultUnitRegistry();
  const classroom = values.demo === true;
  const unitCodes = groupUnits(units, values.group, classroom);
  if (unitCodes && unitCodes.length === 0) {
    return usageError(
      io,
      `Không có đơn vị nào thuộc nhóm "${values.group}".`,
      `No unit belongs to group "${values.group}".`,
      HELP,
    );
  }
  if (values["spread-target"] && !catalog.targets.some((t) => t.id === values["spread-target"])) {
    return usageError(
      io,
      `Không có chỉ tiêu "${values["spread-target"]}".`,
      `There is no target "${values["spread-target"]}".`,
      HELP,
    );
  }
  const includeDemo = values["include-demo"] === true || classroom;

  let got: Consolidated | number;
  if (values["from-endpoint"]) {
    if (positionals.length > 0) {
      return usageError(
        io,
        "Dùng tệp hoặc --from-endpoint, không dùng cả hai.",
        "Give files or --from-endpoint, not both.",
        HELP,
      );
    }
    got = await viaEndpoint(values, period, includeDemo, io);
  } else got = await viaFiles(values, positionals, { period, unitCodes, includeDemo, catalog, units }, io);
  if (typeof got === "number") return got;
  const { view, result, exit } = got;

  if (values.output) {
    const spec = buildConsolidatedSpec(view, {
      ...(values["spread-target"] ? { spreadTargetId: values["spread-target"] } : {}),
      ...(got.taskBoard ? { taskBoard: got.taskBoard } : {}),
    });
    const { writeConsolidatedXlsx } =
      require("../workbook/xlsx/write-consolidated") as typeof import("../workbook/xlsx/write-consolidated");
    const bytes = await writeConsolidatedXlsx(spec);
    const out = path.resolve(io.cwd, values.output);
    const tmp = `${out}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, out); // never a half-written workbook under the real name
  }
  if (values.json) io.stdout.write(`${JSON.stringify(jsonResult(view, result, got.taskBoard), null, 2)}\n`);

  if (result) printFileSummary(io, result, got.ignored);
  const t = view.completeness.totals;
  const missing = view.completeness.rows.filter((r) => r.state === "missing" || r.state === "rejected");
  printBilingual(io.stderr, {
    vi: `Kỳ ${view.period.id}: ${t.submitted}/${t.expected} đơn vị đã có báo cáo; ${missing.length} đơn vị chưa có (không tính là 0).`,
    en: `Period ${view.period.id}: ${t.submitted}/${t.expected} units reported; ${missing.length} units missing (never counted as zero).`,
  });
  if (missing.length > 0) {
    const names = missing.map((r) => `${r.unitCode} ${r.unitName.vi}`);
    const shown = names.slice(0, 20).join(", ");
    io.stderr.write(`  ${shown}${names.length > 20 ? ` … (+${names.length - 20})` : ""}\n`);
  }
  if (values.output) printBilingual(io.stderr, { vi: `Đã ghi ${values.output}`, en: `Wrote ${values.output}` }, "✔ ");
  if (exit !== 0) {
    printBilingual(io.stderr, {
      vi: "Có tệp bị từ chối hoặc trùng chưa giải quyết: mã thoát 1 (dùng --allow-rejected để chấp nhận, --prefer-newer để dùng tệp mới hơn).",
      en: "Some files were rejected or are unresolved duplicates: exit code 1 (--allow-rejected to accept that, --prefer-newer to use the newer file).",
    });
  }
  return exit;
}
