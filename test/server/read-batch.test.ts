import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { sql } from "kysely";
import { connect, type DbHandle } from "../../src/server/db/connect";
import { SqliteReadBatcher } from "../../src/server/db/read-batch";

jest.setTimeout(30_000);

let dir: string;
let handle: DbHandle;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-reads-"));
  handle = await connect({ sqlitePath: path.join(dir, "r.sqlite") });
  await sql`create table kv (k text primary key, v integer not null)`.execute(handle.db);
  await sql`insert into kv (k, v) values ('a', 1), ('b', 2), ('c', 3)`.execute(handle.db);
});
afterEach(async () => {
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const batcher = () => handle.reads as SqliteReadBatcher;

describe("batched SQLite reads", () => {
  it("runs the reads asked for in one turn of the event loop together, each with its own rows", async () => {
    const before = { ...batcher().stats };
    const keys = ["a", "b", "c", "a", "zz"];
    const results = await Promise.all(
      keys.map((k) => batcher().all<{ v: number }>("select v from kv where k = ?", [k])),
    );
    expect(results.map((r) => r.map((x) => x.v))).toEqual([[1], [2], [3], [1], []]);
    expect(batcher().stats.batches - before.batches).toBe(1);
    expect(batcher().stats.reads - before.reads).toBe(5);
    // reads asked for in a later turn make a batch of their own
    await batcher().all("select v from kv where k = ?", ["a"]);
    expect(batcher().stats.batches - before.batches).toBe(2);
  });

  it("fails only the read whose statement fails", async () => {
    const [good, bad, alsoGood] = await Promise.allSettled([
      batcher().all<{ v: number }>("select v from kv where k = ?", ["b"]),
      batcher().all("select v from no_such_table where k = ?", ["b"]),
      batcher().all<{ v: number }>("select v from kv where k = ?", ["c"]),
    ]);
    expect(good).toEqual({ status: "fulfilled", value: [{ v: 2 }] });
    expect(bad.status).toBe("rejected");
    expect(String((bad as PromiseRejectedResult).reason)).toMatch(/no_such_table/);
    expect(alsoGood).toEqual({ status: "fulfilled", value: [{ v: 3 }] });
    // the connection is not left inside a transaction: a write from another connection goes through at once
    const other = new BetterSqlite3(path.join(dir, "r.sqlite"));
    other.pragma("busy_timeout = 0");
    expect(() => other.prepare("update kv set v = 20 where k = 'b'").run()).not.toThrow();
    other.close();
    expect(await batcher().all("select v from kv where k = ?", ["b"])).toEqual([{ v: 20 }]);
  });

  it("never runs inside a transaction that holds the connection, and sees only what was committed", async () => {
    let readDuring: Promise<{ v: number }[]> | null = null;
    await handle.db.transaction().execute(async (trx) => {
      await sql`update kv set v = 100 where k = 'a'`.execute(trx);
      readDuring = batcher().all<{ v: number }>("select v from kv where k = ?", ["a"]);
      // give the batch every chance to run while the transaction is open
      await new Promise((r) => setTimeout(r, 20));
      await sql`update kv set v = 101 where k = 'a'`.execute(trx);
    });
    // it waited for the transaction to end and read its committed result, not a value in the middle
    expect(await readDuring!).toEqual([{ v: 101 }]);
  });
});
