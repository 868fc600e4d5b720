/**
 * The source tree as the architecture test sees it: each file's relative imports, resolved to files; its line count;
 * and the length of each of its functions. Pure over a map of path → text, so the rules can be tested on made-up
 * trees as well as on the real one.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, posix, relative } from "node:path";
import ts from "typescript";

export interface SourceFile {
  /** Posix path from the repository root, e.g. "src/domain/types.ts". */
  path: string;
  lines: number;
  /** Resolved repository paths of relative imports (static, dynamic, require, export … from). */
  imports: string[];
  /** Bare module specifiers ("zod", "node:fs", "react"). */
  packages: string[];
  functions: { name: string; line: number; lines: number }[];
}

const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx", ".js"];

function resolve(from: string, spec: string, exists: (p: string) => boolean): string | null {
  const base = posix.normalize(posix.join(posix.dirname(from), spec));
  if (exists(base)) return base;
  for (const ext of EXTENSIONS) if (exists(base + ext)) return base + ext;
  return null;
}

function functionName(node: ts.Node): string {
  const named = node as ts.FunctionDeclaration | ts.MethodDeclaration;
  if (named.name) return named.name.getText();
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent))) return parent.name.getText();
  if (parent && ts.isCallExpression(parent)) return `(callback of ${parent.expression.getText().slice(0, 40)})`;
  return "(anonymous)";
}

function functions(path: string, text: string): SourceFile["functions"] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: SourceFile["functions"] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isConstructorDeclaration(node)
    ) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      found.push({ name: functionName(node), line: start + 1, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Builds the graph from texts keyed by repository path. */
export function buildGraph(texts: ReadonlyMap<string, string>): Map<string, SourceFile> {
  const exists = (p: string): boolean => texts.has(p);
  const graph = new Map<string, SourceFile>();
  for (const [path, text] of texts) {
    const info = ts.preProcessFile(text, true, true);
    const imports: string[] = [];
    const packages: string[] = [];
    for (const { fileName } of info.importedFiles) {
      if (fileName.startsWith(".")) {
        const target = resolve(path, fileName, exists);
        if (target !== null) imports.push(target);
      } else packages.push(fileName);
    }
    const lines = text.endsWith("\n") ? text.split("\n").length - 1 : text.split("\n").length;
    graph.set(path, { path, lines, imports: [...new Set(imports)], packages, functions: functions(path, text) });
  }
  return graph;
}

/** Reads every .ts/.tsx file under the given folders of the repository. */
export function readTree(root: string, folders: readonly string[]): Map<string, string> {
  const texts = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name !== "node_modules" && name !== "out") walk(full);
      } else if (/\.tsx?$/.test(name) && !name.endsWith(".d.ts")) {
        texts.set(relative(root, full).split("\\").join("/"), readFileSync(full, "utf8"));
      }
    }
  };
  for (const folder of folders) walk(join(root, folder));
  return texts;
}

/** Import cycles: the strongly connected components with more than one file, or a file importing itself. */
export function cycles(graph: ReadonlyMap<string, SourceFile>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.imports ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfLoop = graph.get(v)?.imports.includes(v) ?? false;
      if (component.length > 1 || selfLoop) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) connect(v);
  return found;
}
