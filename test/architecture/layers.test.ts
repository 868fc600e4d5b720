/**
 * The architecture's guard rails, over the real tree:
 *  - no import crosses the layers (see layers.ts for the rules);
 *  - no import cycle in src/;
 *  - no source file over 500 lines but the data tables and catalogues named below;
 *  - no function over 150 lines in src/, bench/ or scripts/.
 * Each rule is first shown to catch a made-up breach, so a checker that stopped seeing anything would fail here.
 */
import { join } from "node:path";
import { buildGraph, cycles, readTree } from "./source-graph";
import { layerViolations, oversizedFiles, oversizedFunctions, room } from "./layers";

const ROOT = join(__dirname, "..", "..");
const MAX_FILE_LINES = 500;
const MAX_FUNCTION_LINES = 150;

/** Data tables and catalogues: long because they list things, not because they do many things. */
const LONG_BY_NATURE = new Set<string>([
  "src/server/errors.ts", // the error catalogue: one entry per error code, in vi and en
]);

function tree(files: Record<string, string>) {
  return buildGraph(new Map(Object.entries(files)));
}

describe("the architecture checks catch what they are for", () => {
  it("finds an upward import, a package in the domain and a server import of the Office adapter", () => {
    const graph = tree({
      "src/domain/a.ts": 'import { b } from "../workbook/b";\nimport React from "react";\n',
      "src/workbook/b.ts": 'export const b = 1;\nimport type { X } from "../server/x";\n',
      "src/server/x.ts": 'import { w } from "../workbook/office/w";\nexport type X = 1;\n',
      "src/workbook/office/w.ts": "export const w = 1;\n",
      "src/taskpane/p.tsx": 'import { w } from "../workbook/office/w";\nimport { b } from "../workbook/b";\n',
    });
    expect(layerViolations(graph)).toEqual([
      "src/domain/a.ts → src/workbook/b.ts (domain may not import workbook)",
      'src/domain/a.ts → "react" (domain imports no package)',
      "src/workbook/b.ts → src/server/x.ts (workbook may not import server)",
      "src/server/x.ts → src/workbook/office/w.ts (server may not import workbook/office)",
    ]);
  });

  it("finds a cycle through three files and a file importing itself, and no cycle in a chain", () => {
    const graph = tree({
      "src/workbook/identity.ts": 'import "./port";\n',
      "src/workbook/port.ts": 'import "./template";\n',
      "src/workbook/template.ts": 'import { x } from "./identity";\n',
      "src/domain/self.ts": 'export * from "./self";\n',
      "src/domain/a.ts": 'import "./b";\n',
      "src/domain/b.ts": "export {};\n",
    });
    expect(cycles(graph)).toEqual([
      ["src/workbook/identity.ts", "src/workbook/port.ts", "src/workbook/template.ts"],
      ["src/domain/self.ts"],
    ]);
  });

  it("resolves folder imports to their index and counts lines and function lengths", () => {
    const body = Array.from({ length: 151 }, (_, i) => `  const v${i} = ${i};`).join("\n");
    const graph = tree({
      "src/api/index.ts": 'export * from "./paths";\n',
      "src/api/paths.ts": "export const P = 1;\n",
      "src/cli/long.ts": `import { P } from "../api";\nexport function long(): void {\n${body}\n}\n`,
    });
    expect(graph.get("src/cli/long.ts")?.imports).toEqual(["src/api/index.ts"]);
    expect(graph.get("src/cli/long.ts")?.lines).toBe(154);
    expect(oversizedFunctions(graph, MAX_FUNCTION_LINES)).toEqual(["src/cli/long.ts:2 long: 153 lines"]);
    expect(oversizedFiles(graph, 100, new Set())).toEqual(["src/cli/long.ts: 154 lines"]);
    expect(oversizedFiles(graph, 100, new Set(["src/cli/long.ts"]))).toEqual([]);
  });

  it("names the room of a path", () => {
    expect(room("src/workbook/office/entries.ts")).toBe("workbook/office");
    expect(room("src/workbook/xlsx/read-workbook.ts")).toBe("workbook");
    expect(room("src/api/reports.ts")).toBe("api");
    expect(room("test/server/helpers.ts")).toBeNull();
  });
});

describe("the tree", () => {
  const src = buildGraph(readTree(ROOT, ["src"]));
  const tools = buildGraph(readTree(ROOT, ["bench", "scripts"]));

  it("reads the whole source tree", () => {
    expect(src.size).toBeGreaterThan(150);
    expect(room([...src.keys()][0] ?? "")).not.toBeNull();
  });

  it("keeps every import within the layers", () => {
    expect(layerViolations(src)).toEqual([]);
  });

  it("has no import cycle in src/", () => {
    expect(cycles(src)).toEqual([]);
  });

  it(`has no source file over ${MAX_FILE_LINES} lines but the listed data tables and catalogues`, () => {
    expect(oversizedFiles(src, MAX_FILE_LINES, LONG_BY_NATURE)).toEqual([]);
  });

  it("lists only exceptions that exist and are long", () => {
    for (const path of LONG_BY_NATURE) expect(src.get(path)?.lines ?? 0).toBeGreaterThan(MAX_FILE_LINES);
  });

  it(`has no function over ${MAX_FUNCTION_LINES} lines in src/, bench/ or scripts/`, () => {
    expect([...oversizedFunctions(src, MAX_FUNCTION_LINES), ...oversizedFunctions(tools, MAX_FUNCTION_LINES)]).toEqual(
      [],
    );
  });
});
