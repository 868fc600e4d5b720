/**
 * Regenerates src/domain/catalog/targets-data.ts from src/domain/catalog/targets-2026-2030.csv (a copy of the shared
 * domain file). The CSV goes through the product's own catalog loader, so the default catalog is exactly what a
 * planner importing that file would get; a bad row stops the script with every problem listed.
 *
 *   cp ../shared/domain/targets-2026-2030.csv src/domain/catalog/ && npx tsx scripts/catalog-data.ts
 *
 * test/domain/catalog/catalog-data.test.ts fails when the two files drift apart.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseCatalogCsv } from "../src/domain/catalog/load";
import { renderTargetsData } from "../src/domain/catalog/render-data";

const dir = join(__dirname, "..", "src", "domain", "catalog");
const result = parseCatalogCsv(readFileSync(join(dir, "targets-2026-2030.csv"), "utf8"));
if (!result.ok) {
  for (const i of result.issues) process.stderr.write(`${i.message.en}\n`);
  process.exit(1);
}
writeFileSync(join(dir, "targets-data.ts"), renderTargetsData(result.catalog.targets));
process.stdout.write(`targets-data.ts: ${result.catalog.targets.length} targets, version ${result.catalog.version}\n`);
