/** Shared by the serve/token/submit/history CLI tests: captured streams, a listening endpoint, filled workbooks. */
import fs from "node:fs";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { parsePeriod } from "../../src/domain";
import type { EntryInput } from "../../src/domain/types";
import { buildTemplateSpec } from "../../src/workbook/template";
import { writeTemplateXlsx } from "../../src/workbook/xlsx/write-template";
import type { Fixture } from "../server/helpers";

export { capture, type Captured } from "../helpers";

/** Listen on a free local port (real HTTP) and give the endpoint address. */
export async function listen(f: Fixture): Promise<string> {
  await f.app.listen({ port: 0, host: "127.0.0.1" });
  return `http://127.0.0.1:${(f.app.server.address() as AddressInfo).port}`;
}

/** A filled template workbook written by the template's ExcelJS writer, with the endpoint's catalog and units. */
export async function writeWorkbook(
  f: Fixture,
  dir: string,
  name: string,
  unitCode: string,
  period: string,
  values: EntryInput[],
): Promise<string> {
  const unit = f.app.reference.registry.byCode(unitCode);
  const p = parsePeriod(period);
  if (!unit || !p) throw new Error(`bad unit or period ${unitCode} ${period}`);
  const spec = buildTemplateSpec({
    catalog: f.app.reference.currentCatalog,
    unit,
    period: p,
    values,
    unitInfo: { preparer: "Nguyễn Văn A", approver: "Trần Thị B", phone: "0243 000 111" },
  });
  const file = path.join(dir, name);
  fs.writeFileSync(file, await writeTemplateXlsx(spec));
  return file;
}
