import { promises as fs } from "node:fs";
import path from "node:path";
import {
  createUnitRegistry,
  defaultCatalog,
  defaultUnits,
  DEMO_PERIOD_ID,
  generateDemoEntries,
  parsePeriod,
} from "../domain";
import { buildTemplateSpec } from "../workbook/template";
import { writeTemplateXlsx } from "../workbook/xlsx/write-template";
import { clientFromFlags, parseCommand, usageError } from "./flags";
import { DemoPopulateResponse, DemoResetResponse, paths } from "../api";
import { answerOf, problemOf, type EndpointClient, type EndpointResponse } from "./client";
import { printBilingual, type CliIo } from "./io";

const HELP = `chitieu demo workbook [--unit DEMO-01] [--period ${DEMO_PERIOD_ID}] [--clean] [--seed N] [--lang vi|en] -o file.xlsx
    A template workbook for a demo unit, filled with sample data made from the catalog. Without --clean it has
    issues of every kind to show in training (errors, off-target figures without justification, an at-risk
    figure); with --clean it passes every rule and can be submitted as it is.
chitieu demo reset --endpoint URL --token T [--ca file] [--populate [--units 12] [--seed N]]
    Deletes every report of the demo units on the endpoint (planner or admin token). Real units are never touched.
    With --populate, fills the classroom again at once.
chitieu demo populate --endpoint URL --token T [--ca file] [--units 12] [--seed N] [--period 2026-Q2]
    Resets the classroom, then fills a dozen demo wards, communes and departments with the quarter under review and
    the one before: on time, late, missing, returned, accepted, not applicable, off target with a justification, an
    outlier. The same seed gives the same classroom.
`;

function refused(io: CliIo, res: EndpointResponse): number {
  const problem = problemOf(res);
  printBilingual(
    io.stderr,
    problem?.message ?? { vi: `Máy chủ trả lời ${res.status}.`, en: `The endpoint answered ${res.status}.` },
    "✖ ",
  );
  return 1;
}

async function populate(
  client: EndpointClient,
  values: { units?: string; seed?: string; period?: string },
  io: CliIo,
): Promise<number> {
  const units = values.units === undefined ? undefined : Number(values.units);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if ((units !== undefined && !Number.isInteger(units)) || (seed !== undefined && !Number.isInteger(seed))) {
    return usageError(io, "--units và --seed là số nguyên.", "--units and --seed are whole numbers.", HELP);
  }
  const res = await client.request("POST", paths.demoPopulate, { units, seed, period: values.period });
  if (res.status !== 200) return refused(io, res);
  const body = answerOf(client, res, DemoPopulateResponse);
  const count = (fate: string) => body.reports.filter((r) => r.fate === fate).length;
  printBilingual(io.stdout, {
    vi: `Lớp tập huấn đã sẵn sàng: ${body.unitCodes.length} đơn vị trình diễn, kỳ ${body.periods.join(", ")} (hạt giống ${body.seed}) — ${count("on_time")} đúng hạn, ${count("late")} muộn, ${count("missing")} chưa nộp, ${count("returned")} bị trả lại, ${count("accepted")} đã tiếp nhận.`,
    en: `The classroom is ready: ${body.unitCodes.length} demo units, periods ${body.periods.join(", ")} (seed ${body.seed}) — ${count("on_time")} on time, ${count("late")} late, ${count("missing")} missing, ${count("returned")} returned, ${count("accepted")} accepted.`,
  });
  return 0;
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(argv, io, HELP, {
    allowPositionals: true,
    options: {
      unit: { type: "string", default: "DEMO-01" },
      period: { type: "string" },
      clean: { type: "boolean", default: false },
      seed: { type: "string" },
      lang: { type: "string", default: "vi" },
      out: { type: "string", short: "o" },
      endpoint: { type: "string" },
      token: { type: "string" },
      ca: { type: "string" },
      units: { type: "string" },
      populate: { type: "boolean", default: false },
    },
  });
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const [action] = positionals;
  if (action === "workbook") {
    if (!values.out) return usageError(io, "Thiếu -o <tệp.xlsx>.", "Missing -o <file.xlsx>.", HELP);
    const catalog = defaultCatalog();
    const registry = createUnitRegistry(defaultUnits());
    const unit = registry.byCode(values.unit);
    if (!unit?.demo) {
      return usageError(
        io,
        `"${values.unit}" không phải đơn vị trình diễn. Dùng DEMO-01 (phường) hoặc DEMO-02 (sở).`,
        `"${values.unit}" is not a demo unit. Use DEMO-01 (ward) or DEMO-02 (department).`,
        HELP,
      );
    }
    const periodId = values.period ?? DEMO_PERIOD_ID;
    const period = parsePeriod(periodId);
    if (!period) {
      return usageError(
        io,
        `Kỳ báo cáo "${periodId}" không hợp lệ. Viết như 2026-01, 2026-Q1, 2026-H1 hoặc 2026.`,
        `Period "${periodId}" is not valid. Write it as 2026-01, 2026-Q1, 2026-H1 or 2026.`,
        HELP,
      );
    }
    const locale = values.lang === "en" ? "en" : "vi";
    const targets = registry.targetsFor(catalog, unit.code);
    const entries = generateDemoEntries(catalog, unit, period, targets, {
      variant: values.clean ? "clean" : "training",
      seed: values.seed ? Number(values.seed) : undefined,
      locale,
    });
    const spec = buildTemplateSpec({
      catalog,
      unit,
      period,
      locale,
      values: entries,
      unitInfo: { preparer: "Nguyễn Văn A", approver: "Trần Thị B", phone: "024 3825 0000" },
    });
    const file = path.resolve(io.cwd, values.out);
    await fs.writeFile(file, await writeTemplateXlsx(spec));
    io.stdout.write(`${file}\n`);
    return 0;
  }
  if (action === "reset" || action === "populate") {
    const client = clientFromFlags(values, io, HELP, "chitieu-cli demo");
    if (!client) return 2;
    if (action === "reset") {
      const res = await client.request("POST", paths.demoReset, {});
      if (res.status !== 200) return refused(io, res);
      const body = answerOf(client, res, DemoResetResponse);
      printBilingual(io.stdout, {
        vi: `Đã đặt lại dữ liệu trình diễn (${body.unitCodes.join(", ")}): xoá ${body.deleted.submissions} lần gửi.`,
        en: `Demo data reset (${body.unitCodes.join(", ")}): ${body.deleted.submissions} submissions deleted.`,
      });
      if (!values.populate) return 0;
    }
    return populate(client, values, io);
  }
  io.stderr.write(HELP);
  return 2;
}
