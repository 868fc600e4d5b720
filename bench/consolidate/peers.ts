/**
 * Our reader against the JavaScript peers, SheetJS (`xlsx`) and ExcelJS's reader, on the same filled workbooks.
 * Run: `npx tsx bench/consolidate/peers.ts [count]` (default 500; also step 6 of bench/consolidate/run.ts). Generates
 * `count` workbooks into bench/out/consolidate/peers-<count>/ (reused when there), reads each with the three readers
 * (lib/peers.ts), checks they found the same sums, and prints `consolidate.peers_*` lines and the ratio to the faster
 * peer. The goal: at least 5× ahead of the faster of the two.
 */
import fs from "node:fs";
import path from "node:path";
import { defaultCatalog, defaultUnitRegistry } from "../../src/domain";
import { benchPeriods, generateWorkbooks } from "./lib/generate";
import { comparePeers, type PeerResult } from "./lib/peers";

export function printPeers(
  r: PeerResult,
  metric: (name: string, value: number) => void,
  say: (line: string) => void,
): void {
  const { ours, sheetjs, exceljs } = r.perFileMs;
  const faster = Math.min(sheetjs, exceljs);
  say(
    `  JavaScript peers on ${r.files} workbooks, one thread: ours ${ours.toFixed(2)} ms each, SheetJS ${sheetjs.toFixed(2)} ms, ExcelJS ${exceljs.toFixed(2)} ms` +
      ` → ${(faster / ours).toFixed(1)}× the faster peer (goal ≥ 5×)`,
  );
  const agree = r.sums.ours === r.sums.sheetjs && r.sums.ours === r.sums.exceljs;
  if (!agree) say(`  ✖ the readers disagree: sums ${JSON.stringify(r.sums)}`);
  metric("peers_files", r.files);
  metric("peers_ours_ms_per_workbook", ours);
  metric("peers_sheetjs_ms_per_workbook", sheetjs);
  metric("peers_exceljs_ms_per_workbook", exceljs);
  metric("speedup_vs_sheetjs", sheetjs / ours);
  metric("speedup_vs_exceljs", exceljs / ours);
  metric("speedup_vs_faster_js_peer", faster / ours);
  metric("peers_sums_agree", agree ? 1 : 0);
}

if (require.main === module) {
  (async () => {
    const count = Number(process.argv[2] ?? 500);
    const catalog = defaultCatalog();
    const registry = defaultUnitRegistry();
    const dir = path.join(__dirname, "..", "out", "consolidate", `peers-${count}`);
    let files = fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((f) => f.endsWith(".xlsx"))
          .map((f) => path.join(dir, f))
      : [];
    if (files.length !== count) {
      fs.rmSync(dir, { recursive: true, force: true });
      files = (await generateWorkbooks({ dir, count, catalog, registry, periods: benchPeriods() })).files;
    }
    const metric = (name: string, value: number): void => {
      process.stdout.write(`consolidate.${name}=${Math.round(value * 100) / 100}\n`);
    };
    printPeers(await comparePeers(files, catalog, registry), metric, (l) => process.stdout.write(`${l}\n`));
  })().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  });
}
