/**
 * The workbook the pane is given before its host is known. The pane draws its connect screen at once, while office.js
 * loads and Office.onReady answers (or the preview workbook's chunk arrives); every call made before then waits for
 * the real port, and calls after it go straight through. One object for the pane's whole life, so hooks keyed on the
 * workbook never see it change.
 */
import type { WorkbookPort } from "../workbook/port";

export interface DeferredWorkbook extends WorkbookPort {
  /** give the real port (once); waiting calls go on */
  bind(port: WorkbookPort): void;
  /** the host could not be bound: waiting and later calls fail with this error */
  fail(error: unknown): void;
  /** the real port once bound, else null */
  readonly bound: WorkbookPort | null;
}

type AsyncKey = {
  [K in keyof WorkbookPort]-?: NonNullable<WorkbookPort[K]> extends (...args: never[]) => Promise<unknown> ? K : never;
}[keyof WorkbookPort];

export function deferredWorkbook(): DeferredWorkbook {
  let bound: WorkbookPort | null = null;
  let settle: { bind: (p: WorkbookPort) => void; fail: (e: unknown) => void } | null = null;
  const ready = new Promise<WorkbookPort>((resolve, reject) => {
    settle = { bind: resolve, fail: reject };
  });
  // a failure nobody awaits yet is not an unhandled rejection: it is told to each call
  ready.catch(() => undefined);

  function call<K extends AsyncKey>(key: K) {
    return async (...args: unknown[]): Promise<unknown> => {
      const port = bound ?? (await ready);
      const method = port[key] as ((...a: unknown[]) => Promise<unknown>) | undefined;
      if (!method) throw new Error(`the workbook of this host has no ${key}`);
      return method.apply(port, args);
    };
  }

  const port = {
    ensureTemplate: call("ensureTemplate"),
    readIdentity: call("readIdentity"),
    readEntries: call("readEntries"),
    // asked right after a read, so the real port is there; nothing to report before it is
    cellProblems: () => bound?.cellProblems?.() ?? [],
    readContact: call("readContact"),
    readNarrative: call("readNarrative"),
    writeNarrative: call("writeNarrative"),
    readTasks: call("readTasks"),
    writeTasks: call("writeTasks"),
    onTasksChanged: call("onTasksChanged"),
    writeEntries: call("writeEntries"),
    markIssues: call("markIssues"),
    selectCell: call("selectCell"),
    onEntriesChanged: call("onEntriesChanged"),
    loadQueue: call("loadQueue"),
    saveQueue: call("saveQueue"),
    loadSetting: call("loadSetting"),
    saveSetting: call("saveSetting"),
    bind(real: WorkbookPort) {
      if (bound) return;
      bound = real;
      settle?.bind(real);
    },
    fail(error: unknown) {
      if (!bound) settle?.fail(error);
    },
    get bound() {
      return bound;
    },
  };
  return port as DeferredWorkbook;
}
