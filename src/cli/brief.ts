/**
 * `chitieu brief --period 2026-03 [--lang vi|en]`: the monthly brief for the People's Committee meeting — the targets
 * on and off pace, the bottlenecks better or worse than the period before, the units missing, the overdue key tasks
 * where a register exists — as .xlsx with native charts and, with --pdf, as a one-page PDF rendered by LibreOffice.
 * From the endpoint (GET /consolidation/range, January to the period) or from unit workbooks.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { briefTasks, defaultUnitRegistry, makePeriod, parsePeriod, type Period, type TaskBoard } from "../domain";
import { readRange, writeAtomically, type RangeFlags } from "./consolidate-range";
import { boardFromEndpoint, boardFromFiles, registerFromFlag } from "./consolidate-tasks";
import { clientFromFlags, parseCommand, REPORT_SOURCE_OPTIONS, usageError } from "./flags";
import { printBilingual, type CliIo } from "./io";

const HELP = `chitieu brief --period P -o brief.xlsx [--pdf brief.pdf] [--lang vi|en] <files or folders…>
chitieu brief --period P -o brief.xlsx [--pdf brief.pdf] [--lang vi|en] --from-endpoint URL --token T [--ca FILE]

Bản tin tháng (một trang A4): chỉ tiêu đúng/chậm nhịp, điểm nghẽn tốt hơn/kém đi so với kỳ trước, đơn vị còn thiếu,
nhiệm vụ trọng điểm quá hạn (khi có sổ nhiệm vụ), kèm biểu đồ.
The monthly brief (one A4 page): targets on/off pace, bottlenecks better/worse than the period before, units missing,
overdue key tasks (where a register exists), with charts.

  --period P            the period of the brief (2026-03; a quarter 2026-Q1 works too)
  -o, --output FILE     the brief .xlsx to write
  --pdf FILE            also a one-page PDF (LibreOffice: soffice --headless --convert-to pdf)
  --lang vi|en          the brief's language (default vi)
  --tasks FILE          files: the key-task list (.csv/.xlsx, as chitieu tasks exports it) for the overdue tasks
                        (default: the starter list from public sources; from the endpoint: its register)
  --group G, --from-endpoint URL, --token T, --ca FILE, --basis, --include-demo, --allow-rejected: as in consolidate

Exit codes: 0 done; 1 a file was rejected (unless --allow-rejected), nothing to show, or the PDF failed; 2 usage;
3 endpoint unreachable.
`;

/** The .xlsx rendered to PDF by LibreOffice in a private profile (never the user's); the PDF's path. */
export function renderPdf(xlsx: string, pdf: string): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-brief-"));
  try {
    const src = path.join(dir, "brief.xlsx");
    fs.copyFileSync(xlsx, src);
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${path.join(dir, "profile")}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        src,
      ],
      { stdio: "ignore", timeout: 180_000 },
    );
    const out = path.join(dir, "brief.pdf");
    if (!fs.existsSync(out)) throw new Error("LibreOffice wrote no PDF");
    const tmp = `${pdf}.${process.pid}.tmp`;
    fs.copyFileSync(out, tmp);
    fs.renameSync(tmp, pdf);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The unit codes of --group, for the board (only the tasks those units lead or co-own). */
function groupCodes(group: string | undefined): { unitCodes?: string[] } {
  if (!group) return {};
  const codes = defaultUnitRegistry()
    .all()
    .filter((u) => u.groups.includes(group))
    .map((u) => u.code);
  return { unitCodes: codes };
}

/** The endpoint's board of the brief's period (GET /tasks/board); null when the endpoint has none or refuses. */
async function endpointBoard(values: RangeFlags, period: Period, io: CliIo): Promise<TaskBoard | null> {
  const client = clientFromFlags(
    { endpoint: values["from-endpoint"], token: values.token, ca: values.ca },
    io,
    HELP,
    "chitieu-cli brief",
  );
  if (!client) return null;
  const { transportFailure } = require("./client") as typeof import("./client");
  try {
    return await boardFromEndpoint(
      client,
      { period: period.id, basis: values.basis ?? "latest", includeDemo: values["include-demo"] === true },
      io,
      { vi: "bản tin ghi là chưa có sổ nhiệm vụ.", en: "the brief says there is no register." },
    );
  } catch (e) {
    if (transportFailure(io, e) === null) throw e;
    return null;
  }
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(argv, io, HELP, {
    allowPositionals: true,
    options: {
      ...REPORT_SOURCE_OPTIONS,
      period: { type: "string" },
      pdf: { type: "string" },
      lang: { type: "string" },
      tasks: { type: "string" },
    },
  });
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const lang = values.lang ?? "vi";
  if (lang !== "vi" && lang !== "en")
    return usageError(io, "--lang phải là vi hoặc en.", "--lang must be vi or en.", HELP);
  if (!values.output) return usageError(io, "Cần -o <tệp.xlsx>.", "Give -o <file.xlsx>.", HELP);
  const period = values.period ? parsePeriod(values.period) : null;
  if (!period)
    return usageError(
      io,
      `Cần --period hợp lệ (2026-03, 2026-Q1…), không phải "${values.period ?? ""}".`,
      `Give a valid --period (2026-03, 2026-Q1…), not "${values.period ?? ""}".`,
      HELP,
    );
  // the year so far: the first period of the year of the same kind up to the brief's
  const from = makePeriod(period.kind, period.year, 1).id;
  const fromFiles = !values["from-endpoint"];
  const register = fromFiles ? await registerFromFlag(values.tasks, io) : null;
  if (fromFiles && !register) return 1;
  const got = await readRange({ ...values, from, to: period.id }, positionals, io, HELP, register ?? undefined);
  if (typeof got === "number") return got;
  const board = register
    ? boardFromFiles(register, got.taskReports ?? [], period, {
        includeDemo: values["include-demo"] === true,
        ...groupCodes(values.group),
      })
    : await endpointBoard(values, period, io);
  const { buildBriefSpec } = require("../workbook/trend") as typeof import("../workbook/trend");
  const { writeConsolidatedXlsx } =
    require("../workbook/xlsx/write-consolidated") as typeof import("../workbook/xlsx/write-consolidated");
  const spec = buildBriefSpec(
    got.data,
    got.catalog,
    defaultUnitRegistry(),
    { source: got.source, generatedAt: new Date().toISOString() },
    // no register (an endpoint without one, or an empty one): the section says so instead of an empty list
    { periodId: period.id, lang, overdueTasks: board && board.rows.length > 0 ? briefTasks(board, lang) : null },
  );
  const out = writeAtomically(io, values.output, await writeConsolidatedXlsx(spec));
  printBilingual(
    io.stderr,
    { vi: `Đã ghi bản tin ${period.id}: ${values.output}`, en: `Wrote the brief ${period.id}: ${values.output}` },
    "✔ ",
  );
  if (values.pdf) {
    try {
      renderPdf(out, path.resolve(io.cwd, values.pdf));
    } catch (e) {
      printBilingual(
        io.stderr,
        {
          vi: `Không tạo được PDF bằng LibreOffice (soffice): ${String((e as Error).message)}. Cài libreoffice-calc rồi chạy lại.`,
          en: `Could not make the PDF with LibreOffice (soffice): ${String((e as Error).message)}. Install libreoffice-calc and run again.`,
        },
        "✖ ",
      );
      return 1;
    }
    printBilingual(io.stderr, { vi: `Đã ghi ${values.pdf}`, en: `Wrote ${values.pdf}` }, "✔ ");
  }
  return got.exit;
}
