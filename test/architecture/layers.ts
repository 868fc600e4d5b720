/**
 * The layer rules of src/, as data, and the check that applies them to a source graph.
 *   domain, api   import nothing outside themselves (api: the domain and zod);
 *   workbook      imports only domain and api;
 *   server        never imports workbook/office, workbook/preview or the task pane;
 *   taskpane      never imports server or cli;
 *   cli           never imports the task pane or workbook/office.
 */
import type { SourceFile } from "./source-graph";

/** The room a path belongs to: "domain", "api", "workbook/office", "workbook", "server", … or null outside src. */
export function room(path: string): string | null {
  const m = /^src\/([^/]+)(?:\/([^/]+))?/.exec(path);
  if (!m) return null;
  const [, top, sub] = m;
  if (top === "workbook" && (sub === "office" || sub === "preview")) return `workbook/${sub}`;
  return top ?? null;
}

interface Rule {
  /** Rooms this room may import from (its own always allowed). null: any room but those in `never`. */
  only: string[] | null;
  never: string[];
  /** Bare packages it may import; null: any. */
  packages: RegExp[] | null;
}

const NODE_SIDE_NEVER = ["taskpane", "commands", "workbook/office", "workbook/preview"];

export const RULES: Record<string, Rule> = {
  domain: { only: [], never: [], packages: [] },
  api: { only: ["domain"], never: [], packages: [/^zod(\/|$)/] },
  workbook: { only: ["domain", "api"], never: [], packages: null },
  "workbook/office": { only: ["domain", "api", "workbook"], never: [], packages: null },
  "workbook/preview": { only: ["domain", "api", "workbook", "workbook/office"], never: [], packages: null },
  server: { only: null, never: [...NODE_SIDE_NEVER, "cli"], packages: null },
  taskpane: { only: null, never: ["server", "cli"], packages: null },
  cli: { only: null, never: NODE_SIDE_NEVER, packages: null },
  commands: { only: ["domain", "api"], never: [], packages: null },
};

/** Every import that breaks a layer rule, as "from → to (why)". */
export function layerViolations(graph: ReadonlyMap<string, SourceFile>): string[] {
  const found: string[] = [];
  for (const file of graph.values()) {
    const own = room(file.path);
    if (own === null) continue;
    const rule = RULES[own];
    if (!rule) {
      found.push(`${file.path}: src/${own} is not a known room; add it to the layer rules`);
      continue;
    }
    for (const target of file.imports) {
      const other = room(target);
      if (other === null || other === own) continue;
      const allowed = rule.only === null ? !rule.never.includes(other) : rule.only.includes(other);
      if (!allowed) found.push(`${file.path} → ${target} (${own} may not import ${other})`);
    }
    if (rule.packages !== null)
      for (const spec of file.packages)
        if (!rule.packages.some((re) => re.test(spec)))
          found.push(`${file.path} → "${spec}" (${own} imports no package)`);
  }
  return found;
}

/** Files over `maxLines`, but for the named exceptions. */
export function oversizedFiles(
  graph: ReadonlyMap<string, SourceFile>,
  maxLines: number,
  exceptions: ReadonlySet<string>,
) {
  return [...graph.values()]
    .filter((f) => f.lines > maxLines && !exceptions.has(f.path))
    .map((f) => `${f.path}: ${f.lines} lines`);
}

/** Functions over `maxLines`. */
export function oversizedFunctions(graph: ReadonlyMap<string, SourceFile>, maxLines: number): string[] {
  return [...graph.values()].flatMap((f) =>
    f.functions.filter((fn) => fn.lines > maxLines).map((fn) => `${f.path}:${fn.line} ${fn.name}: ${fn.lines} lines`),
  );
}
