/**
 * What every command does first (flags.ts: parseCommand): --help and -h print the command's own help on stdout and
 * exit 0; an unknown flag is a bilingual usage error with the help on stderr, exit 2; a command of actions called
 * without one shows its help and exits 2.
 */
import os from "node:os";
import { main } from "../../src/cli/main";
import { capture } from "../helpers";

const COMMANDS = [
  "template",
  "validate",
  "submit",
  "history",
  "consolidate",
  "brief",
  "catalog",
  "demo",
  "handout",
  "manifest",
  "applicability",
  "targets",
  "remind",
  "tasks",
  "token",
];

async function call(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const c = capture(os.tmpdir());
  const code = await main(argv, c.io);
  await new Promise((r) => setImmediate(r));
  return { code, out: c.out(), err: c.err() };
}

describe("chitieu <command> --help", () => {
  it.each(COMMANDS)("%s --help prints its own help on stdout and exits 0; -h does the same", async (name) => {
    const long = await call([name, "--help"]);
    expect(long).toMatchObject({ code: 0, err: "" });
    expect(long.out.startsWith(`chitieu ${name} `)).toBe(true);
    expect(await call([name, "-h"])).toEqual(long);
  });

  it.each(COMMANDS)("%s refuses an unknown flag in both languages, with its help on stderr, exit 2", async (name) => {
    const help = (await call([name, "--help"])).out;
    const r = await call([name, "--no-such-flag"]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain("Tuỳ chọn không hợp lệ");
    expect(r.err).toContain("Invalid option");
    expect(r.err.endsWith(help)).toBe(true);
  });

  it("shows the range's help for consolidate --from/--to", async () => {
    const r = await call(["consolidate", "--from", "2026-01", "--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^chitieu consolidate --from /);
  });

  it.each(["applicability", "targets", "tasks", "token"])(
    "%s without an action: its help on stderr, exit 2",
    async (name) => {
      const help = (await call([name, "--help"])).out;
      expect(await call([name])).toEqual({ code: 2, out: "", err: help });
    },
  );

  it("catalog without an action: its help on stdout, exit 2", async () => {
    const help = (await call(["catalog", "--help"])).out;
    expect(await call(["catalog"])).toEqual({ code: 2, out: help, err: "" });
  });
});
