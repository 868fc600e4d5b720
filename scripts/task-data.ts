/**
 * Regenerates src/domain/tasks/tasks-data.ts from src/domain/tasks/key-tasks-from-sources.csv (a copy of the shared
 * domain file), through the product's own register reader and lead-unit matching, and prints what matched:
 *
 *   cp ../shared/domain/key-tasks-from-sources.csv src/domain/tasks/ && npx tsx scripts/task-data.ts
 *
 * test/domain/tasks/register-data.test.ts fails when the two files drift apart.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createUnitRegistry, defaultCatalog, defaultUnits } from "../src/domain";
import { describeMatches, registerFromSources } from "../src/domain/tasks/sources";
import { renderTasksData } from "../src/domain/tasks/render-data";
import { taskUnits } from "../src/domain/tasks/units";

const dir = join(__dirname, "..", "src", "domain", "tasks");
const units = createUnitRegistry([...defaultUnits(), ...taskUnits()]);
const result = registerFromSources(
  readFileSync(join(dir, "key-tasks-from-sources.csv"), "utf8"),
  defaultCatalog(),
  units,
);
if (!result.ok) {
  for (const i of result.issues) process.stderr.write(`${i.message.en}\n`);
  process.exit(1);
}
writeFileSync(join(dir, "tasks-data.ts"), renderTasksData(result.tasks));
process.stdout.write(
  `tasks-data.ts: ${result.tasks.length} tasks\n${describeMatches(result.matches, result.tasks).join("\n")}\n`,
);
