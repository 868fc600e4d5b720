/**
 * What the history and months of issue #14 add to the check of one submission: the checker module the stores run
 * (services/submission-check.ts: validate(), flows, figures, stored text, hash), given a 43-target ward report with
 * no history (a first report) and with a full one — 12 earlier months for a month, 8 quarters and 3 months for a
 * quarter — each a fresh figures text as read from report_state.latest_figures (so its parse is paid). CPU time per
 * check, the best of 5 rounds of 400 (the machine is shared: the best round is the least disturbed).
 *
 *   npx tsx bench/server/history-check.ts
 */
import { createUnitRegistry, defaultCatalog, defaultUnits, parsePeriod, validate } from "../../src/domain";
import { check } from "../../src/server/services/submission-check";
import { canonicalContent } from "../../src/server/services/content";
import { figuresOf, historyWindow } from "../../src/server/services/history-context";
import { validEntriesFor } from "../../test/server/report-fixture";

const catalog = defaultCatalog();
const units = defaultUnits().map((u) =>
  u.kind === "ward" ? { ...u, targetIds: catalog.targets.map((t) => t.id) } : u,
);
const registry = createUnitRegistry(units);
const unit = units.find((u) => u.kind === "ward")!;
const context = { catalog, units };

/** A stored report's figures text, for one of 7 different reports. */
const texts = Array.from({ length: 7 }, (_, seed) => {
  const entries = validEntriesFor(catalog, registry, unit.code, seed + 1);
  const report = { unitCode: unit.code, period: "2027-01", catalogVersion: catalog.version, locale: "vi" as const };
  return figuresOf(validate({ ...report, entries }, { catalog, units: registry }).entries);
});
let n = 0;

function payload(periodId: string, withHistory: boolean) {
  const entries = validEntriesFor(catalog, registry, unit.code, 0);
  const input = { unitCode: unit.code, period: periodId, catalogVersion: catalog.version, locale: "vi" as const };
  const c = canonicalContent({ ...input, supersedes: null, entries });
  const w = historyWindow(parsePeriod(periodId)!);
  // a fresh copy of each text, as a read from the database gives
  const rows = withHistory ? w.read.map((p) => [p, ` ${texts[n++ % texts.length]}`.slice(1)]) : [];
  return {
    input,
    ytd: {},
    history: { period: periodId, rows },
    canonicalText: c.text,
    flowsAt: [[0, 0]],
    figuresAt: [[0, 3]],
    contentAt: [0, 1],
    hashAt: [0, 2],
  };
}

const N = 400;
const cases: [string, boolean][] = [
  ["2027-05", false],
  ["2027-05", true],
  ["2027-Q2", false],
  ["2027-Q2", true],
];
const best = new Map<string, number>();
for (let round = 0; round < 6; round++)
  for (const [p, h] of cases) {
    // structured clones, as the thread receives them
    const payloads = Array.from({ length: N }, () => structuredClone(payload(p, h)));
    const c0 = process.cpuUsage();
    for (const x of payloads) check(x, context, [[null, null, null, null]]);
    const c = process.cpuUsage(c0);
    const key = `${p.includes("Q") ? "quarter" : "month"}_${h ? "with_history" : "first_report"}`;
    if (round > 0) best.set(key, Math.min(best.get(key) ?? Infinity, (c.user + c.system) / N));
  }
for (const [key, us] of best) {
  console.log(`check of one submission, ${key.replace(/_/g, " ")}: ${us.toFixed(1)} µs CPU`);
  console.log(`server.check_us.${key}=${us.toFixed(1)}`);
}
