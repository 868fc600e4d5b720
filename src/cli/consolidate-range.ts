/**
 * `chitieu consolidate --from P --to P`: the trend workbook over a range of periods (XuHuong, DiemNghen,
 * DonViXuHuong, BieuDoXuHuong), from the endpoint's GET /consolidation/range or from unit workbooks read here (every
 * period of the range and the year before it, for the year to date and the changes). Also the data of the monthly
 * brief (src/cli/brief.ts).
 */
import fs from "node:fs";
import path from "node:path";
import {
  buildTrend,
  defaultCatalog,
  defaultUnitRegistry,
  periodRange,
  type Bilingual,
  type Catalog,
  type TaskRegister,
  type TaskReport,
  type TrendData,
  type UnitReport,
} from "../domain";
import { unitGroupName } from "../domain/scorecard";
import { transportFailure } from "./client";
import { collectInputs, consolidateFiles } from "./consolidate-files";
import { parseCommand, REPORT_SOURCE_OPTIONS, usageError } from "./flags";
import { printBilingual, type CliIo } from "./io";

export const RANGE_HELP = `chitieu consolidate --from P --to P <files or folders…> -o trend.xlsx [options]
chitieu consolidate --from P --to P --from-endpoint URL --token T -o trend.xlsx [options]

Sổ xu hướng theo kỳ: XuHuong (giá trị thành phố từng kỳ so với nhịp chỉ tiêu), DiemNghen (điểm nghẽn, 10 đơn vị kém
đi nhiều nhất), DonViXuHuong (thay đổi của từng đơn vị), BieuDoXuHuong (biểu đồ đường).
The trend workbook over a range: XuHuong (the city figure per period against its pace), DiemNghen (bottlenecks, the
ten units that slipped most), DonViXuHuong (each unit's change), BieuDoXuHuong (line charts).

  --from P, --to P      first and last period, of one kind (2026-01..2026-12, 2026-Q1..2026-Q4, 2026..2030)
  -o, --output FILE     the trend .xlsx to write
  --group G             only the units of this group (wards, communes, departments)
  --from-endpoint URL   from the endpoint (needs --token; --ca for a dev certificate) instead of files
  --basis latest|accepted   endpoint: each unit's latest revision (default) or accepted ones only
  --include-demo        include demo units (training only)
  --allow-rejected      files: exit 0 even when some files were rejected

Exit codes: 0 done; 1 a file was rejected (unless --allow-rejected) or nothing to show; 2 usage; 3 endpoint unreachable.
`;

export interface RangeFlags {
  from?: string;
  to?: string;
  group?: string;
  "from-endpoint"?: string;
  token?: string;
  ca?: string;
  basis?: string;
  "include-demo"?: boolean;
  "allow-rejected"?: boolean;
}

/**
 * The trend data and where it came from; a number is the exit code. From files, also the task progress the files
 * carry (every period read), for the brief's overdue tasks.
 */
export type RangeData =
  | { data: TrendData; catalog: Catalog; source: "endpoint" | "files"; exit: number; taskReports?: TaskReport[] }
  | number;

/**
 * Reads the range from the endpoint or from files, with every message in vi and en. From files, the task progress
 * is checked against `taskRegister` when given (bad rows left out, as in `chitieu consolidate`).
 */
export async function readRange(
  values: RangeFlags,
  positionals: string[],
  io: CliIo,
  help: string,
  taskRegister?: TaskRegister,
): Promise<RangeData> {
  const from = values.from;
  const to = values.to;
  if (!from || !to) return usageError(io, "Cần cả --from và --to.", "Give both --from and --to.", help);
  try {
    periodRange(from, to);
  } catch (e) {
    const m = (e as { messages?: Bilingual; message: string }).messages;
    return usageError(io, m?.vi ?? String(e), m?.en ?? String(e), help);
  }
  const units = defaultUnitRegistry();
  if (values.group && !units.all().some((u) => u.groups.includes(values.group as string)))
    return usageError(
      io,
      `Không có đơn vị nào thuộc nhóm "${values.group}".`,
      `No unit belongs to group "${values.group}".`,
      help,
    );
  if (values["from-endpoint"]) {
    if (positionals.length > 0)
      return usageError(
        io,
        "Dùng tệp hoặc --from-endpoint, không dùng cả hai.",
        "Give files or --from-endpoint, not both.",
        help,
      );
    return fromEndpoint(values, from, to, io, help);
  }
  return fromFiles(values, positionals, { from, to, taskRegister }, io, help);
}

async function fromEndpoint(values: RangeFlags, from: string, to: string, io: CliIo, help: string): Promise<RangeData> {
  const basis = values.basis ?? "latest";
  if (basis !== "latest" && basis !== "accepted")
    return usageError(io, "--basis phải là latest hoặc accepted.", "--basis must be latest or accepted.", help);
  const { clientFromFlags } = require("./flags") as typeof import("./flags");
  const { answerOf, refusal } = require("./client") as typeof import("./client");
  const { paths, queryString, TrendResponse, Catalog: CatalogAnswer } = require("../api") as typeof import("../api");
  const client = clientFromFlags(
    { endpoint: values["from-endpoint"], token: values.token, ca: values.ca },
    io,
    help,
    "chitieu-cli consolidate",
  );
  if (!client) return 2;
  try {
    const q = { from, to, group: values.group, basis, ...(values["include-demo"] ? { demo: "true" } : {}) };
    const res = await client.request("GET", `${paths.consolidationRange}${queryString(q)}`);
    if (res.status !== 200) return refusal(io, res);
    const answer = answerOf(client, res, TrendResponse);
    let catalog = defaultCatalog();
    if (answer.catalogVersion !== catalog.version) {
      const cat = await client.request("GET", paths.catalog);
      if (cat.status !== 200) return refusal(io, cat);
      catalog = answerOf(client, cat, CatalogAnswer);
    }
    const data: TrendData = {
      from: answer.from,
      to: answer.to,
      periods: answer.periods,
      scope: answer.scope,
      group: answer.group,
      targets: answer.targets as TrendData["targets"],
      units: answer.units,
    };
    return { data, catalog, source: "endpoint", exit: 0 };
  } catch (e) {
    const exit = transportFailure(io, e);
    if (exit === null) throw e;
    return exit;
  }
}

async function fromFiles(
  values: RangeFlags,
  positionals: string[],
  range: { from: string; to: string; taskRegister: TaskRegister | undefined },
  io: CliIo,
  help: string,
): Promise<RangeData> {
  const { from, to, taskRegister } = range;
  if (positionals.length === 0)
    return usageError(io, "Chưa chỉ ra tệp hoặc thư mục nào.", "No file or folder given.", help);
  const inputs = collectInputs(positionals, io.cwd);
  for (const m of inputs.missing)
    printBilingual(io.stderr, { vi: `Không thấy tệp hoặc thư mục: ${m}`, en: `No such file or folder: ${m}` }, "✖ ");
  if (inputs.missing.length > 0) return 2;
  const catalog = defaultCatalog();
  const registry = defaultUnitRegistry();
  const includeDemo = values["include-demo"] === true;
  const unitCodes = values.group
    ? registry
        .all()
        .filter((u) => u.groups.includes(values.group as string))
        .map((u) => u.code)
    : undefined;
  const result = await consolidateFiles(
    inputs.files.map((f) => ({ path: f, source: path.relative(io.cwd, f) || f })),
    { ...(unitCodes ? { unitCodes } : {}), includeDemo, ...(taskRegister ? { taskRegister } : {}) },
  );
  for (const f of result.files.filter((x) => x.status === "rejected"))
    io.stderr.write(`  ✖ ${f.source}: ${f.reasons.map((r) => `${r.message.vi} / ${r.message.en}`).join("; ")}\n`);
  const reports = new Map<string, UnitReport[]>(result.periods.map((p) => [p.period.id, p.reports]));
  if (reports.size === 0) {
    printBilingual(io.stderr, { vi: "Không có báo cáo nào dùng được.", en: "No usable report." }, "✖ ");
    return 1;
  }
  const data = buildTrend({
    catalog,
    registry,
    reports,
    from,
    to,
    ...(values.group ? { group: values.group } : {}),
    includeDemo,
    asOf: new Date(),
  });
  printBilingual(io.stderr, {
    vi: `Đã đọc ${result.counts.read} tệp: dùng ${result.counts.accepted}, từ chối ${result.counts.rejected}; ${reports.size} kỳ có báo cáo.`,
    en: `Read ${result.counts.read} files: used ${result.counts.accepted}, rejected ${result.counts.rejected}; ${reports.size} periods with reports.`,
  });
  const bad = result.counts.rejected + result.counts.conflict;
  const taskReports = result.periods.flatMap((p) => p.taskReports);
  return { data, catalog, source: "files", exit: bad > 0 && !values["allow-rejected"] ? 1 : 0, taskReports };
}

/** Writes bytes under a temporary name, then renames: never a half-written file under the real name. */
export function writeAtomically(io: CliIo, file: string, bytes: Uint8Array): string {
  const out = path.resolve(io.cwd, file);
  const tmp = `${out}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, out);
  return out;
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(argv, io, RANGE_HELP, {
    allowPositionals: true,
    options: { ...REPORT_SOURCE_OPTIONS, from: { type: "string" }, to: { type: "string" } },
  });
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  if (!values.output) return usageError(io, "Cần -o <tệp.xlsx>.", "Give -o <file.xlsx>.", RANGE_HELP);
  const got = await readRange(values, positionals, io, RANGE_HELP);
  if (typeof got === "number") return got;
  const { buildTrendSpec } = require("../workbook/trend") as typeof import("../workbook/trend");
  const { writeConsolidatedXlsx } =
    require("../workbook/xlsx/write-consolidated") as typeof import("../workbook/xlsx/write-consolidated");
  const spec = buildTrendSpec(got.data, got.catalog, defaultUnitRegistry(), {
    source: got.source,
    generatedAt: new Date().toISOString(),
    ...(values.group ? { groupName: unitGroupName(values.group) } : {}),
  });
  writeAtomically(io, values.output, await writeConsolidatedXlsx(spec));
  printBilingual(
    io.stderr,
    {
      vi: `Đã ghi sổ xu hướng ${got.data.from}–${got.data.to}: ${values.output}`,
      en: `Wrote the trend workbook ${got.data.from}–${got.data.to}: ${values.output}`,
    },
    "✔ ",
  );
  return got.exit;
}
