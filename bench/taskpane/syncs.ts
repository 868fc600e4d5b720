/**
 * bench/taskpane/syncs — the sync budget per top-level user action, on the Excel double (test/workbook/excel-double.ts)
 * under both requirement-set profiles. Each action makes the calls the pane's hooks make (useReport, useSubmission,
 * the planner pane) through the Office port; the double counts the Excel.run calls and syncs of the action, and the
 * runs that handlers of the add-in's own writes started (echo runs), after every raised event has been handled.
 *
 * Goals (issue 17): opening a report ≤ 3 syncs in all; each edit ≤ 2; no echo runs; the planner write 2 + 1 per chunk.
 * Run: npx tsx bench/taskpane/syncs.ts  (also part of `npm run bench taskpane`). Prints a table per profile and
 * `taskpane.syncs.<profile>.<action>=<n>` lines.
 */
import {
  defaultCatalog,
  defaultUnitRegistry,
  parsePeriod,
  validate,
  type EntryInput,
  type Period,
  type Unit,
} from "../../src/domain";
import { buildConsolidatedSpec } from "../../src/workbook/consolidated";
import { defaultTaskRegister, type Task, type UnitTask } from "../../src/domain/tasks";
import { createOfficeWorkbookPort } from "../../src/workbook/office/port";
import { writeConsolidated } from "../../src/workbook/office/write-consolidated";
import { buildTemplateSpec, cellMap, ENTRY_COLUMNS } from "../../src/workbook/template";
import type { EntryChange } from "../../src/workbook/port";
import { installConsolidatedExcel, setConsolidatedProfile } from "../../test/workbook/consolidated-fake";
import { sampleView } from "../../test/workbook/consolidated-fixture";
import {
  PROFILES,
  PROFILE_NAMES,
  installExcel,
  userTypes,
  type ActionCount,
  type InstalledExcel,
  type ProfileName,
} from "../../test/workbook/excel-double";

const catalog = defaultCatalog();
const units = defaultUnitRegistry();
const unit = units.byCode("00004") as Unit;
const period = parsePeriod("2026-Q1") as Period;

interface Row {
  count: ActionCount;
  goal: string;
  met: boolean;
}

function installOffice(profile: ProfileName): void {
  const store = new Map<string, unknown>();
  (globalThis as unknown as { Office: unknown }).Office = {
    context: {
      requirements: {
        isSetSupported: (name: string, v = "1.1") =>
          name === "ExcelApi" && Number(v.split(".")[1]) <= PROFILES[profile].excelApiMinor,
      },
      document: {
        settings: {
          get: (k: string) => store.get(k) ?? null,
          set: (k: string, v: unknown) => void store.set(k, v),
          remove: (k: string) => void store.delete(k),
          saveAsync: (cb?: (r: { status: string }) => void) => cb?.({ status: "succeeded" }),
        },
      },
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  };
}

async function profileRows(profile: ProfileName): Promise<Row[]> {
  installOffice(profile);
  const rows: Row[] = [];
  const edit = (c: ActionCount) => rows.push({ count: c, goal: "≤ 2, no echo", met: c.syncs <= 2 && c.echoRuns === 0 });
  const spec = buildTemplateSpec({ catalog, unit, period });
  let state: EntryInput[] = [];
  const apply = (changes: EntryChange[]) => {
    state = state.map((e) =>
      changes.filter((c) => c.targetId === e.targetId).reduce((acc, c) => ({ ...acc, [c.field]: c.raw }), e),
    );
  };
  const check = () =>
    validate(
      { unitCode: unit.code, period: period.id, catalogVersion: catalog.version, locale: "vi", entries: state },
      { catalog, units, cellOf: cellMap(spec) },
    );

  // opening, as useReport.open does it, then the first marks; in an empty workbook and in one holding the template
  const open = async (x: InstalledExcel, label: string) => {
    const port = createOfficeWorkbookPort({ catalog, units });
    const { count } = await x.action(label, async () => {
      await port.ensureTemplate(spec);
      state = await port.readEntries();
      await port.onEntriesChanged(apply);
      const r = check();
      await port.markIssues(r.issues, r.assessments);
    });
    rows.push({ count, goal: "≤ 3, no echo", met: count.syncs <= 3 && count.echoRuns === 0 });
    return port;
  };
  const empty = installExcel(undefined, profile);
  await open(empty, "open a report (empty workbook)");
  // the same workbook saved and opened again: the first pane's runtime (and its event registration) is gone
  for (const sheet of empty.model.sheets) sheet.handlers = [];
  const x = installExcel(empty.model, profile);
  // at start-up the pane asks which report the workbook holds, to reopen it (App.tsx)
  const found = await x.action("find the workbook's report at start-up", () =>
    createOfficeWorkbookPort({ catalog, units }).readIdentity(),
  );
  if (found.result?.unitCode !== unit.code) throw new Error("the identity was not found");
  rows.push({ count: found.count, goal: "≤ 1", met: found.count.syncs <= 1 });
  const port = await open(x, "open a report (existing template)");

  // the pane: one value typed in the form (written after the pause), then the marks of the new validation
  edit(
    (
      await x.action("type one value in the pane", async () => {
        const change: EntryChange = { targetId: "S02", field: "value", raw: 12000 };
        apply([change]);
        await port.writeEntries([change]);
        const r = check();
        await port.markIssues(r.issues, r.assessments);
      })
    ).count,
  );
  // the sheet: one cell typed; the change event reads the touched inputs, the pane marks
  const s01 = spec.entry.rows.S01;
  edit(
    (
      await x.action("type in the sheet", async () => {
        await userTypes(x.model, spec.entry.sheet, `${ENTRY_COLUMNS.numerator}${s01}`, 95);
        if (state.find((e) => e.targetId === "S01")?.numerator !== 95)
          throw new Error("the change did not reach the pane");
        const r = check();
        await port.markIssues(r.issues, r.assessments);
      })
    ).count,
  );
  // a paste of 20 cells: one change event over the block (G..H of 10 rows)
  const first = Math.min(...Object.values(spec.entry.rows));
  edit(
    (
      await x.action("paste 20 cells", async () => {
        const sheet = x.model.sheet(spec.entry.sheet);
        for (let r = first; r < first + 10; r++)
          for (const col of [7, 8]) {
            const c = sheet?.cell(r, col);
            if (c && !c.locked) c.value = r * col;
          }
        const { fireChanged } = await import("../../test/workbook/excel-double");
        await fireChanged(x.model, spec.entry.sheet, `G${first}:H${first + 9}`);
        await x.model.settle();
        const pasted = state.filter((e) => typeof e.value === "number" || typeof e.numerator === "number").length;
        if (pasted < 5) throw new Error(`the paste did not reach the pane (${pasted} entries)`);
        const r = check();
        await port.markIssues(r.issues, r.assessments);
      })
    ).count,
  );
  const mark = await x.action("mark", async () => {
    const r = check();
    await port.markIssues(r.issues, r.assessments);
  });
  rows.push({ count: mark.count, goal: "≤ 1, no echo", met: mark.count.syncs <= 1 && mark.count.echoRuns === 0 });
  // submit: useSubmission writes what is pending (nothing here), reads the unit sheet's people, saves the receipt
  // (and the narrative sheet, read with the people since the narrative travels with the report)
  const submit = await x.action("submit", async () => {
    await port.readContact();
    await port.readNarrative?.();
    await port.saveSetting("receipt", { id: "r" });
  });
  rows.push({ count: submit.count, goal: "≤ 2, no echo", met: submit.count.syncs <= 2 && submit.count.echoRuns === 0 });

  // a unit with 30 key tasks (issue 19): the template with its task-progress sheet, opened in an empty workbook
  const thirty = buildTemplateSpec({ catalog, unit, period, tasks: thirtyTasks() });
  const tx = installExcel(undefined, profile);
  const tport = createOfficeWorkbookPort({ catalog, units });
  const opened = await tx.action("open a report with 30 key tasks (empty workbook)", async () => {
    await tport.ensureTemplate(thirty);
    await tport.readEntries();
    await tport.markIssues([], []);
  });
  if (tx.model.sheet("TienDoNV") === undefined) throw new Error("the task sheet was not written");
  rows.push({ count: opened.count, goal: "≤ 3, no echo", met: opened.count.syncs <= 3 && opened.count.echoRuns === 0 });

  // the planner write: 132 units × 43 targets, then the same cut into 24 KB requests
  setConsolidatedProfile(profile);
  const pageLayout = PROFILES[profile].excelApiMinor >= 9;
  const cspec = buildConsolidatedSpec(sampleView());
  for (const [label, maxRequestBytes] of [
    ["planner write (132 units)", undefined],
    ["planner write (24 KB requests)", 24 * 1024],
  ] as const) {
    const px = installConsolidatedExcel(["Sheet1"]);
    const { result, count } = await px.action(label, () => writeConsolidated(cspec, { pageLayout, maxRequestBytes }));
    rows.push({
      count,
      goal: `≤ 2 + ${result.chunks} chunk${result.chunks > 1 ? "s" : ""}`,
      met: count.syncs <= 2 + result.chunks && count.echoRuns === 0,
    });
  }
  return rows;
}

/** 30 tasks led by the bench's unit: the starter register's tasks, renumbered and reassigned (shape only). */
function thirtyTasks(): UnitTask[] {
  const base = defaultTaskRegister().tasks;
  return Array.from({ length: 30 }, (_, i) => {
    const t = base[i % base.length] as Task;
    return { task: { ...t, id: `KB${String(i + 1).padStart(3, "0")}`, leadUnitCode: unit.code }, role: "lead" };
  });
}

function table(profile: ProfileName, rows: Row[]): string {
  const head = ["action", "Excel.run", "syncs", "echo runs", "goal", "met"];
  const body = rows.map((r) => [
    r.count.label,
    String(r.count.runs),
    String(r.count.syncs),
    String(r.count.echoRuns),
    r.goal,
    r.met ? "yes" : "NO",
  ]);
  const width = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(width[i])).join(" | ")} |`;
  return [
    `${profile} (ExcelApi 1.${PROFILES[profile].excelApiMinor})`,
    line(head),
    line(width.map((w) => "-".repeat(w))),
    ...body.map(line),
  ].join("\n");
}

export async function syncBudget(): Promise<boolean> {
  let all = true;
  for (const profile of PROFILE_NAMES) {
    const rows = await profileRows(profile);
    console.log(table(profile, rows));
    console.log("");
    const key = profile === "Excel 2019" ? "excel2019" : "m365";
    for (const r of rows) {
      const slug = r.count.label
        .replace(/\(.*?\)/g, (m) => m.replace(/\s+/g, "_"))
        .replace(/[^a-z0-9_]+/gi, "_")
        .replace(/^_|_$/g, "")
        .toLowerCase();
      console.log(`taskpane.syncs.${key}.${slug}=${r.count.syncs}`);
      if (r.count.echoRuns > 0) console.log(`taskpane.echo_runs.${key}.${slug}=${r.count.echoRuns}`);
      all &&= r.met;
    }
  }
  console.log(`taskpane.sync_goals_met=${all ? 1 : 0}`);
  return all;
}

if (require.main === module) {
  void syncBudget().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
