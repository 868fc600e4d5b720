import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inflateRawSync } from "node:zlib";
import BetterSqlite3 from "better-sqlite3";
import { WriterThread, WriterThreadError, type WriteStep } from "../../src/server/db/writer-thread";

jest.setTimeout(30_000);

let dir: string;
let file: string;
let thread: WriterThread | null = null;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-writer-"));
  file = path.join(dir, "w.sqlite");
  const db = new BetterSqlite3(file);
  db.pragma("journal_mode = WAL");
  db.exec(`create table head (k text primary key, latest text);
           create table item (id text primary key, k text not null, body blob, n integer check (n >= 0))`);
  db.close();
});
afterEach(async () => {
  await thread?.close();
  thread = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The submission path's shape: id not stored yet, head advanced from what the writer saw, then the row. */
function store(id: string, k: string, expected: string | null, body: string, n = 1): WriteStep[] {
  return [
    { sql: "select id from item where id = ?", params: [id], expect: "noRow" },
    expected === null
      ? { sql: "insert into head (k, latest) values (?, ?) on conflict do nothing", params: [k, id], expect: "changes" }
      : { sql: "update head set latest = ? where k = ? and latest = ?", params: [id, k, expected], expect: "changes" },
    {
      sql: "insert into item (id, k, body, n) values (?, ?, ?, ?)",
      params: [id, k, body, n],
      expect: "any",
      deflateParam: 2,
    },
  ];
}

function rows(): { id: string; k: string; body: Buffer; n: number }[] {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.prepare("select id, k, body, n from item order by id").all() as never;
  } finally {
    db.close();
  }
}

describe("the SQLite writer thread", () => {
  it("stores writes durably, many per commit, and compresses the marked parameter", async () => {
    thread = new WriterThread(file);
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        thread!.write(store(`id${String(i).padStart(3, "0")}`, `k${i}`, null, `body ${i}`)),
      ),
    );
    expect(outcomes.every((o) => o === "stored")).toBe(true);
    // group commit: 200 writes handed over at once do not take 200 commits
    expect(thread.stats.stored).toBe(200);
    await thread.close();
    expect(thread.stats.commits).toBeGreaterThan(0);
    expect(thread.stats.commits).toBeLessThan(50);
    const got = rows();
    expect(got).toHaveLength(200);
    expect(inflateRawSync(got[7].body).toString("utf8")).toBe("body 7");
    thread = null;
  });

  it("refuses a write whose condition fails and keeps the others of the same commit", async () => {
    thread = new WriterThread(file);
    expect(await thread.write(store("a", "k", null, "first"))).toBe("stored");
    const [dup, stale, next, other] = await Promise.all([
      thread.write(store("a", "k", null, "same id again")), // its id is stored
      thread.write(store("b", "k", "zzz", "edit of a revision that is not the latest")),
      thread.write(store("c", "k", "a", "edit of the latest")),
      thread.write(store("d", "k2", null, "another report")),
    ]);
    expect([dup, stale, next, other]).toEqual(["refused", "refused", "stored", "stored"]);
    expect(rows().map((r) => r.id)).toEqual(["a", "c", "d"]);
  });

  it("answers a unique key taken first as refused, and a failing statement with its error, nothing of it stored", async () => {
    thread = new WriterThread(file);
    const taken: WriteStep[] = [
      { sql: "insert into item (id, k, n) values (?, ?, ?)", params: ["x", "k", 1], expect: "any" },
      { sql: "insert into item (id, k, n) values (?, ?, ?)", params: ["x", "k", 2], expect: "any" },
    ];
    const broken: WriteStep[] = [
      { sql: "insert into head (k, latest) values (?, ?)", params: ["kb", "y"], expect: "any" },
      { sql: "insert into item (id, k, n) values (?, ?, ?)", params: ["y", "kb", -1], expect: "any" }, // check fails
    ];
    const [a, b, c] = await Promise.allSettled([
      thread.write(taken),
      thread.write(broken),
      thread.write(store("z", "kz", null, "fine")),
    ]);
    expect(a).toEqual({ status: "fulfilled", value: "refused" });
    expect(b.status).toBe("rejected");
    expect((b as PromiseRejectedResult).reason).toBeInstanceOf(WriterThreadError);
    expect((b as PromiseRejectedResult).reason.code).toBe("SQLITE_CONSTRAINT_CHECK");
    expect(c).toEqual({ status: "fulfilled", value: "stored" });
    // the failed writes' first steps were undone with them
    expect(rows().map((r) => r.id)).toEqual(["z"]);
    const db = new BetterSqlite3(file, { readonly: true });
    expect(db.prepare("select k from head order by k").pluck().all()).toEqual(["kz"]);
    db.close();
  });

  it("finishes the writes handed over before it closes, and refuses new ones after", async () => {
    thread = new WriterThread(file);
    const pending = Array.from({ length: 50 }, (_, i) => thread!.write(store(`p${i}`, `k${i}`, null, "x")));
    const closed = thread.close();
    await expect(thread.write(store("late", "kl", null, "x"))).rejects.toThrow(/closing/);
    expect(await Promise.all(pending)).toEqual(Array(50).fill("stored"));
    await closed;
    expect(thread.available).toBe(false);
    expect(rows()).toHaveLength(50);
    thread = null;
  });
});
