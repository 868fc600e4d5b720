/**
 * `chitieu handout --role clerk|planner --lang vi|en -o file.pdf`: the one-page A4 quick guide of a role, from the
 * tour's steps, the screenshots the browser tests took (docs/screens) and the help page's token and support texts —
 * the same PDF the endpoint serves at /handouts/<role>.<lang>.pdf (src/server/services/handout.ts).
 */
import fs from "node:fs";
import path from "node:path";
import type { TourRole } from "../domain/tour/steps";
import { parseCommand, usageError } from "./flags";
import { printBilingual, type CliIo } from "./io";

const HELP = `chitieu handout --role clerk|planner [--lang vi|en] -o handout.pdf [--screens DIR]

Tờ hướng dẫn nhanh một trang A4 (PDF) cho cán bộ đơn vị (clerk) hoặc cán bộ tổng hợp (planner): các bước của
“Hướng dẫn từng bước”, ảnh màn hình, nơi lấy mã truy cập và người cần liên hệ. In bằng chromium.
A one-page A4 quick guide (PDF) for clerks or planners: the guided tour's steps, screenshots, where to get a token
and whom to call. Printed with chromium.

  --role clerk|planner  whose guide
  --lang vi|en          its language (default vi)
  -o, --output FILE     the PDF to write
  --screens DIR         the screenshots' folder (default the package's docs/screens; a missing picture is left out)

Environment: CHITIEU_CHROMIUM (default /usr/bin/chromium).
Exit codes: 0 written; 1 chromium could not print it; 2 usage.
`;

export async function run(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(argv, io, HELP, {
    options: {
      role: { type: "string" },
      lang: { type: "string" },
      output: { type: "string", short: "o" },
      screens: { type: "string" },
    },
  });
  if (typeof parsed === "number") return parsed;
  const { values } = parsed;
  const role = values.role;
  if (role !== "clerk" && role !== "planner")
    return usageError(
      io,
      `--role phải là clerk hoặc planner, không phải "${role ?? ""}".`,
      `--role must be clerk or planner, not "${role ?? ""}".`,
      HELP,
    );
  const lang = values.lang ?? "vi";
  if (lang !== "vi" && lang !== "en")
    return usageError(
      io,
      `--lang phải là vi hoặc en, không phải "${lang}".`,
      `--lang must be vi or en, not "${lang}".`,
      HELP,
    );
  if (!values.output) return usageError(io, "Cần -o <tệp.pdf>.", "Give -o <file.pdf>.", HELP);
  const { defaultHandoutSources, makeHandout } =
    require("../server/services/handout") as typeof import("../server/services/handout");
  const sources = defaultHandoutSources(null, io.env);
  if (values.screens) sources.screensDir = path.resolve(io.cwd, values.screens);
  // CT_HANDOUT_UNAVAILABLE (an AppError) reaches main.ts, which prints it in both languages and exits 1
  const pdf = await makeHandout(role as TourRole, lang, sources);
  const out = path.resolve(io.cwd, values.output);
  const tmp = `${out}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, pdf);
  fs.renameSync(tmp, out);
  printBilingual(
    io.stderr,
    {
      vi: `Đã ghi tờ hướng dẫn (${role}, ${lang}): ${values.output}`,
      en: `Wrote the handout (${role}, ${lang}): ${values.output}`,
    },
    "✔ ",
  );
  return 0;
}
