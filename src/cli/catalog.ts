import { promises as fs } from "node:fs";
import path from "node:path";
import { catalogToCsv, defaultCatalog, targetForYear, GROUP_NAMES, SOURCE_STATUS_NAMES } from "../domain";
import type { Catalog, Locale } from "../domain/types";
import { parseCommand } from "./flags";
import { loadCatalogFile, printBilingual, type CliIo } from "./io";

const HELP = `chitieu catalog show [--year 2026] [--lang vi|en] [--json]
chitieu catalog export -o catalog.csv          write the current catalog as CSV (same columns as the official appendix import)
chitieu catalog check <catalog.csv|.xlsx>      check a replacement catalog; every bad row is listed; exit 1 when invalid
`;

function show(catalog: Catalog, year: number, lang: Locale, io: CliIo): void {
  io.stdout.write(`catalog ${catalog.version} — ${catalog.targets.length} targets\n`);
  let group = "";
  for (const t of catalog.targets) {
    if (t.group !== group) {
      group = t.group;
      io.stdout.write(`\n${GROUP_NAMES[t.group][lang]}\n`);
    }
    const yt = targetForYear(t, year);
    const value =
      yt.kind === "value"
        ? `${t.direction} ${yt.value} ${yt.unitOfMeasure}`
        : yt.kind === "date"
          ? `≤ ${yt.date}`
          : lang === "vi"
            ? "chưa có chỉ tiêu"
            : "no target set";
    io.stdout.write(`  ${t.id}  ${t.name[lang]} — ${year}: ${value} [${SOURCE_STATUS_NAMES[t.status][lang]}]\n`);
  }
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(argv, io, HELP, {
    allowPositionals: true,
    options: {
      out: { type: "string", short: "o" },
      year: { type: "string" },
      lang: { type: "string" },
      json: { type: "boolean" },
    },
  });
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const [action, file] = positionals;
  const lang: Locale = values.lang === "en" ? "en" : "vi";
  if (!action) {
    io.stdout.write(HELP);
    return 2;
  }
  const catalog = defaultCatalog();
  switch (action) {
    case "show":
      if (values.json) io.stdout.write(JSON.stringify(catalog, null, 2) + "\n");
      else show(catalog, Number(values.year ?? 2026), lang, io);
      return 0;
    case "export": {
      const csv = catalogToCsv(catalog);
      if (values.out) await fs.writeFile(path.resolve(io.cwd, values.out), "\ufeff" + csv);
      else io.stdout.write(csv);
      return 0;
    }
    case "check": {
      if (!file) {
        printBilingual(io.stderr, {
          vi: "Thiếu tên tệp danh mục cần kiểm tra.",
          en: "Name the catalog file to check.",
        });
        return 2;
      }
      const result = await loadCatalogFile(path.resolve(io.cwd, file));
      if (result.ok) {
        io.stdout.write(`✔ ${result.catalog.targets.length} targets, version ${result.catalog.version}\n`);
        return 0;
      }
      for (const issue of result.issues) {
        io.stdout.write(`✖ row ${issue.row}, column ${issue.column} — ${issue.message[lang]}\n`);
      }
      printBilingual(io.stderr, {
        vi: `Danh mục không hợp lệ (${result.issues.length} lỗi): không dùng tệp này. Sửa các dòng trên rồi kiểm tra lại.`,
        en: `The catalog is invalid (${result.issues.length} problems): it is rejected whole. Fix the rows above and check again.`,
      });
      return 1;
    }
    default:
      io.stderr.write(HELP);
      return 2;
  }
}
