import fs from "node:fs";
import path from "node:path";
import * as errors from "../../src/server/errors";
import { ERROR_CATALOGUE } from "../../src/server/errors";
import { problemBody } from "../../src/server/plugins/problem";

const readme = fs.readFileSync(path.join(__dirname, "../../src/server/README.md"), "utf8");

describe("the error catalogue", () => {
  it("has unique CT_ codes, each made once and exported by its own name", () => {
    const codes = ERROR_CATALOGUE.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(code).toMatch(/^CT_[A-Z_]+$/);
      expect((errors as Record<string, unknown>)[code]).toBeDefined();
    }
  });

  it.each(ERROR_CATALOGUE.map((e) => [e.code, e] as const))(
    "documents %s in the README table with its status, cause and fix",
    (code, spec) => {
      const row = readme.split("\n").find((l) => /^\| `CT_[A-Z_]+` +\|/.test(l) && l.includes(`\`${code}\``));
      expect(row).toBeDefined();
      const cells = row!
        .split(/(?<!\\)\|/)
        .slice(1, -1)
        .map((c) => c.trim());
      expect(cells[0]).toBe(`\`${code}\``);
      expect(cells[1]).toBe(String(spec.status));
      expect(cells[2]!.length).toBeGreaterThan(15);
      expect(cells[3]!.length).toBeGreaterThan(10);
    },
  );

  it("lists no code in the README that the catalogue does not have", () => {
    const documented = [...readme.matchAll(/^\| `(CT_[A-Z_]+)` +\|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(ERROR_CATALOGUE.map((e) => e.code).sort());
  });

  it("builds an application/problem+json body with both languages and the details", () => {
    const e = errors.CT_OUT_OF_DATE({
      unitCode: "00004",
      period: "2026-Q1",
      supersedes: null,
      latestSubmissionId: "abc",
      latestRevision: 3,
    });
    expect(e.status).toBe(409);
    expect(problemBody(e)).toEqual({
      type: "urn:chitieu:problem:CT_OUT_OF_DATE",
      title: e.messages.en,
      code: "CT_OUT_OF_DATE",
      status: 409,
      message: { vi: expect.stringContaining("lần sửa 3"), en: expect.stringContaining("revision 3") },
      details: { unitCode: "00004", period: "2026-Q1", supersedes: null, latestSubmissionId: "abc", latestRevision: 3 },
    });
  });

  it("writes Vietnamese in NFC", () => {
    const e = errors.CT_REPORT_LOCKED({ unitCode: "00004", period: "2026-Q1" });
    expect(e.messages.vi).toBe(e.messages.vi.normalize("NFC"));
    expect(e.messages.vi).toContain("đã được chấp nhận");
  });
});
