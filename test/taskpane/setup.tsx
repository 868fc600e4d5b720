/** Rendering helpers for the task pane's component tests: the App with fake ports, already connected or not. */
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import {
  defaultCatalog,
  defaultUnitRegistry,
  parsePeriod,
  targetForPeriod,
  validate,
  type EntryInput,
  type Locale,
  type Period,
  type Unit,
} from "../../src/domain";
import { buildTemplateSpec, cellMap } from "../../src/workbook/template";
import { App, type AppProps } from "../../src/taskpane/App";
import { SETTINGS } from "../../src/taskpane/util";
import { CONNECTION, FakeApi, FakeWorkbook, WARD } from "./fakes";
import { TOKEN_KEY_PREFIX } from "../../src/taskpane/token-store";

// the whole pane renders in jsdom for each test; on a shared 2-core machine that takes seconds, not milliseconds
jest.setTimeout(30_000);

export const Q1 = parsePeriod("2026-Q1") as Period;

export const FAST_TIMING = { writeDelayMs: 5, markDelayMs: 5, retryDelayMs: () => 40 };

/** A report of the ward that validate() accepts: every target filled, nothing off target, no warning to justify. */
export function cleanEntries(unit: Unit = WARD, period: Period = Q1): EntryInput[] {
  const catalog = defaultCatalog();
  const units = defaultUnitRegistry();
  const entries = units.targetsFor(catalog, unit.code).map((t): EntryInput => {
    const yt = targetForPeriod(t, period);
    if (t.aggregation === "ratio_of_sums")
      return t.measure === "percent"
        ? { targetId: t.id, numerator: 100, denominator: 100 }
        : { targetId: t.id, numerator: 2000, denominator: 100 };
    if (t.measure === "milestone") return { targetId: t.id, milestone: "done" };
    if (t.direction === "<=" || t.direction === "<") return { targetId: t.id, value: 0 };
    return { targetId: t.id, value: yt.kind === "value" ? yt.value : 10 };
  });
  const result = validate(
    { unitCode: unit.code, period: period.id, catalogVersion: catalog.version, locale: "vi", entries },
    { catalog, units },
  );
  if (!result.ok)
    throw new Error(`cleanEntries is not clean: ${result.issues.map((i) => `${i.targetId} ${i.code}`).join(", ")}`);
  return entries;
}

/** Puts a template (and its values) into the fake workbook, as if a previous session had opened the report. */
export function seedTemplate(
  workbook: FakeWorkbook,
  entries: EntryInput[] = [],
  period: Period = Q1,
  unit: Unit = WARD,
): void {
  const spec = buildTemplateSpec({ catalog: defaultCatalog(), unit, period });
  workbook.spec = spec;
  workbook.identity = spec.identity;
  for (const e of entries) {
    for (const [k, v] of Object.entries(e))
      if (k !== "targetId" && v !== undefined) workbook.values.set(`${e.targetId}|${k}`, v as never);
  }
}

export function cellOf(targetId: string, field: Parameters<ReturnType<typeof cellMap>>[1]): string {
  const spec = buildTemplateSpec({ catalog: defaultCatalog(), unit: WARD, period: Q1 });
  return cellMap(spec)(targetId, field) as string;
}

export interface SetupOptions {
  connected?: boolean;
  locale?: Locale;
  workbook?: FakeWorkbook;
  api?: FakeApi;
  props?: Partial<AppProps>;
}

export function setup(options: SetupOptions = {}) {
  const workbook = options.workbook ?? new FakeWorkbook();
  const api = options.api ?? new FakeApi();
  if (!options.workbook) window.localStorage.clear(); // a new workbook, a new user's storage
  if (options.connected !== false && !workbook.settings.has(SETTINGS.connection)) {
    // what the pane keeps: the address in the workbook, the token in this user's own storage
    workbook.settings.set(SETTINGS.connection, { endpoint: CONNECTION.endpoint, unitCode: WARD.code });
    window.localStorage.setItem(`${TOKEN_KEY_PREFIX}${CONNECTION.endpoint}`, CONNECTION.token);
  }
  const user = userEvent.setup({ delay: null });
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <App
        workbook={workbook}
        api={api}
        initialLocale={options.locale ?? "vi"}
        timing={FAST_TIMING}
        pageOrigin="https://chitieu.test"
        {...options.props}
      />
    </FluentProvider>,
  );
  return { workbook, api, user, ...view };
}

/** Connected, with the report of the period opened in the workbook (created by the pane). */
export async function setupOpenReport(options: SetupOptions = {}) {
  const ctx = setup(options);
  const open = await screen.findByRole("button", {
    name: options.locale === "en" ? "Open the report in the workbook" : "Mở mẫu báo cáo trong sổ",
  });
  await waitFor(() => expect((open as HTMLButtonElement).disabled).toBe(false));
  await ctx.user.click(open);
  await screen.findByRole("tablist");
  return ctx;
}

/** Connected to a workbook that already holds the report: the pane reopens it by itself. */
export async function setupSeeded(entries: EntryInput[], options: SetupOptions = {}) {
  const workbook = options.workbook ?? new FakeWorkbook();
  seedTemplate(workbook, entries);
  const ctx = setup({ ...options, workbook });
  await screen.findByRole("tablist");
  await waitFor(() => expect(workbook.markIssues).toHaveBeenCalled());
  return ctx;
}
