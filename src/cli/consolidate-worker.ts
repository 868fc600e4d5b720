/**
 * The entry of a reading thread of `chitieu consolidate` (spawned by consolidate-files.ts): reads and prepares the
 * files it is sent, one at a time, and posts each prepared file back. Keeps nothing between files.
 */
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { createUnitRegistry, defaultCatalog, defaultUnitRegistry, defaultUnits, taskUnits } from "../domain";
import { createPreparer } from "../domain/scorecard";
import { readAndPrepare, type FileJob, type WorkerSetup } from "./consolidate-files";

if (!isMainThread && (workerData as WorkerSetup | null)?.chitieuConsolidate) {
  const setup = workerData as WorkerSetup;
  const catalog = defaultCatalog();
  // with a task register, the city units it adds (to be confirmed) report on their tasks, as on the endpoint
  const units = setup.taskRegister ? createUnitRegistry([...defaultUnits(), ...taskUnits()]) : defaultUnitRegistry();
  const prepare = createPreparer({
    catalog,
    units,
    ...(setup.period ? { period: setup.period } : {}),
    ...(setup.unitCodes ? { unitCodes: setup.unitCodes } : {}),
    includeDemo: setup.includeDemo === true,
    wholeFile: setup.wholeFile === true,
    ...(setup.taskRegister ? { taskRegister: setup.taskRegister } : {}),
  });
  parentPort?.on("message", (m: { id: number; job: FileJob }) => {
    parentPort?.postMessage({ id: m.id, prepared: readAndPrepare(prepare, catalog, units, m.job) });
  });
}
