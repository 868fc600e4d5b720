import { sql } from "kysely";
import { buildApp } from "../../src/server/app";
import { connect, isUniqueViolation, migrateToLatest, type DbHandle } from "../../src/server/db/connect";
import { MIGRATIONS } from "../../src/server/db/migrations";
import { param, prepared } from "../../src/server/db/prepared";
import { seedReferenceData, BUILT_IN_SOURCE } from "../../src/server/db/seed";
import { listUnits, upsertUnit } from "../../src/server/db/units";
import { currentCatalogVersion } from "../../src/server/db/catalogs";
import { NothingWritten, Writer } from "../../src/server/db/group-commit";
import { defaultCatalog, defaultUnits, taskUnits } from "../../src/domain";
import { issueToken } from "../../src/server/services/token-admin";
import { DEV_PEPPER } from "../../src/server/tokens";
import { auth, body, dialects, freshDb, NOW, UNIT, type TestDb } from "./helpers";

for (const dialect of dialects()) {
  describe(`${dialect}: database`, () => {
    let t: TestDb;
    let h: DbHandle;
    beforeAll(async () => {
      t = await freshDb(dialect);
      h = await connect(t.config);
    }, 60_000);
    afterAll(async () => {
      await h?.close();
      await t?.drop();
    });

    it("runs every migration on a fresh database, marks it fresh, and does nothing the second time", async () => {
      const applied = await migrateToLatest(h);
      expect(applied).toEqual(Object.keys(MIGRATIONS));
      expect(applied.every((n) => /^\d{4}_\d{2}_\d{2}_\d{3}_[a-z_]+$/.test(n))).toBe(true);
      expect(h.fresh).toBe(true);
      const again = await connect(t.config);
      try {
        expect(await migrateToLatest(again)).toEqual([]);
        expect(again.fresh).toBe(false);
      } finally {
        await again.close();
      }
    });

    it("seeds the default units and the built-in catalog, and keeps a planner's edits when seeding again", async () => {
      await seedReferenceData(h.db, NOW.toISOString());
      // the default units and the city units the starter task list names (issue #19)
      expect((await listUnits(h.db)).length).toBe(defaultUnits().length + taskUnits().length);
      expect(await currentCatalogVersion(h.db)).toBe(defaultCatalog().version);
      const ward = (await listUnits(h.db)).find((u) => u.code === UNIT)!;
      await upsertUnit(h.db, { ...ward, name: { vi: "Phường Ba Đình (đã sửa)", en: ward.name.en } }, NOW.toISOString());
      const r = await seedReferenceData(h.db, NOW.toISOString());
      expect(r.unitsInserted).toBe(0);
      expect((await listUnits(h.db)).find((u) => u.code === UNIT)!.name.vi).toBe("Phường Ba Đình (đã sửa)");
      const stored = await h.db.selectFrom("catalog_version").select(["version", "source"]).execute();
      expect(stored).toEqual([{ version: defaultCatalog().version, source: BUILT_IN_SOURCE }]);
    });

    it("keeps a planner-imported catalog current when the built-in one is seeded again", async () => {
      await h.db
        .insertInto("catalog_version")
        .values({
          version: "imported00000001",
          body: "{}",
          source: "import:official.xlsx",
          created_at: NOW.toISOString(),
        })
        .execute();
      await h.db
        .updateTable("setting")
        .set({ value: "imported00000001" })
        .where("key", "=", "current_catalog_version")
        .execute();
      await seedReferenceData(h.db, NOW.toISOString());
      expect(await currentCatalogVersion(h.db)).toBe("imported00000001");
      await h.db
        .updateTable("setting")
        .set({ value: defaultCatalog().version })
        .where("key", "=", "current_catalog_version")
        .execute();
    });

    it("reports a duplicate primary key as a unique violation", async () => {
      const row = { key: "dup-test", value: "1" };
      await h.db.insertInto("setting").values(row).execute();
      const e = await h.db
        .insertInto("setting")
        .values(row)
        .execute()
        .then(
          () => null,
          (err: unknown) => err,
        );
      expect(isUniqueViolation(e)).toBe(true);
      expect(isUniqueViolation(new Error("other"))).toBe(false);
    });

    it("runs a query compiled once with fresh parameters, giving what the builder gives", async () => {
      const q = prepared<{ code: string }, { code: string; name_vi: string }>(h.db, (db) =>
        db.selectFrom("unit").select(["code", "name_vi"]).where("code", "=", param("code")),
      );
      for (const code of ["00004", "00008", "HN"]) {
        const viaPrepared = (await q.run(h.db, { code })).rows;
        const viaBuilder = await h.db.selectFrom("unit").select(["code", "name_vi"]).where("code", "=", code).execute();
        expect(viaPrepared).toEqual(viaBuilder);
      }
      expect(q.sql()).toMatch(/select "code", "name_vi" from "unit" where "code" = (\?|\$1)/);
    });

    it("commits every job of a burst and keeps a refused job's refusal to itself", async () => {
      const writer = new Writer(h);
      const jobs = Array.from({ length: 60 }, (_, i) =>
        writer.write(async (trx) => {
          if (i % 10 === 3) throw new NothingWritten(`refused ${i}`);
          await trx
            .insertInto("setting")
            .values({ key: `w${i}`, value: String(i) })
            .execute();
          return i;
        }),
      );
      const results = await Promise.allSettled(jobs);
      expect(results.filter((r) => r.status === "rejected")).toHaveLength(6);
      const rows = await h.db.selectFrom("setting").select("key").where("key", "like", "w%").execute();
      expect(rows).toHaveLength(54);
      expect(writer.stats.jobs).toBe(54);
      if (h.caps.groupCommit) expect(writer.stats.commits).toBeLessThan(10);
    });

    it("rolls back a failed job's batch and commits the other jobs again", async () => {
      const writer = new Writer(h);
      const jobs = Array.from({ length: 20 }, (_, i) =>
        writer.write(async (trx) => {
          await trx
            .insertInto("setting")
            .values({ key: `x${i}`, value: String(i) })
            .execute();
          // job 7 writes, then fails half-way: its row must not survive
          if (i === 7) await trx.insertInto("setting").values({ key: "x0", value: "duplicate" }).execute();
          return i;
        }),
      );
      const results = await Promise.allSettled(jobs);
      const failed = results.map((r, i) => [r.status, i]).filter(([s]) => s === "rejected");
      expect(failed).toEqual([["rejected", 7]]);
      const keys = (await h.db.selectFrom("setting").select("key").where("key", "like", "x%").execute())
        .map((r) => r.key)
        .sort();
      expect(keys).toEqual(
        Array.from({ length: 20 }, (_, i) => `x${i}`)
          .filter((k) => k !== "x7")
          .sort(),
      );
    });

    if (dialect === "sqlite") {
      it("opens SQLite in WAL mode with synchronous=FULL, a busy timeout and foreign keys", async () => {
        const one = async (pragma: string) =>
          Object.values((await sql.raw(`pragma ${pragma}`).execute(h.db)).rows[0] as object)[0];
        expect(await one("journal_mode")).toBe("wal");
        expect(await one("synchronous")).toBe(2);
        expect(await one("busy_timeout")).toBe(5000);
        expect(await one("foreign_keys")).toBe(1);
      });
    }
  });

  // SQLite's driver is synchronous: two connections in one process would wait on each other's lock while blocking
  // the only thread. Several SQLite processes on one file are tested below with real processes.
  if (dialect !== "postgres") continue;
  describe(`${dialect}: several instances on one database`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await freshDb(dialect);
    }, 60_000);
    afterAll(async () => {
      await t?.drop();
    });

    it("migrates from two instances at once without error", async () => {
      const [a, b] = await Promise.all([connect(t.config), connect(t.config)]);
      try {
        const [ra, rb] = await Promise.all([migrateToLatest(a), migrateToLatest(b)]);
        expect([...ra, ...rb].sort()).toEqual(Object.keys(MIGRATIONS).sort());
      } finally {
        await a.close();
        await b.close();
      }
    });

    it("stores one row when the same submission reaches two instances at once, and refuses the losing edit", async () => {
      const opts = { now: () => NOW, tokenCacheMs: 0, referenceRefreshMs: 0 };
      const one = await buildApp({ db: t.config, ...opts });
      const two = await buildApp({ db: t.config, ...opts });
      try {
        await one.ready();
        await two.ready();
        const token = (await issueToken(one.store.db, DEV_PEPPER, { role: "unit", unitCode: UNIT }, NOW.toISOString()))
          .token;
        const b = body(one, { period: "2026-Q1" });
        const send = (app: typeof one, payload: object) =>
          app.inject({ method: "POST", url: "/api/v1/submissions", headers: auth(token), payload });
        const answers = await Promise.all([send(one, b), send(two, b), send(one, b), send(two, b)]);
        expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 201]);
        const edits = [
          body(one, { period: "2026-Q1", supersedes: b.submissionId }, 1),
          body(one, { period: "2026-Q1", supersedes: b.submissionId }, 2),
        ];
        const results = await Promise.all([send(one, edits[0]!), send(two, edits[1]!)]);
        expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
        const rows = await one.store.db.selectFrom("submission").select(["revision"]).orderBy("revision").execute();
        expect(rows.map((r) => r.revision)).toEqual([1, 2]);
      } finally {
        await one.close();
        await two.close();
      }
    });
  });
}

describe("sqlite: several processes on one file", () => {
  it("migrates once when two processes start on a fresh file at the same moment", async () => {
    const { spawn } = await import("node:child_process");
    const path = await import("node:path");
    const t = await freshDb("sqlite");
    try {
      const script = `
        const { connect, migrateToLatest } = require(${JSON.stringify(path.join(__dirname, "../../src/server/db/connect"))});
        (async () => {
          const h = await connect({ sqlitePath: process.argv[1] });
          const applied = await migrateToLatest(h);
          await h.close();
          process.stdout.write(JSON.stringify(applied));
        })().catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });`;
      const run = () =>
        new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
          const child = spawn(process.execPath, ["--import", "tsx", "-e", script, t.config.sqlitePath as string], {
            cwd: path.join(__dirname, "..", ".."),
          });
          let out = "";
          let err = "";
          child.stdout.on("data", (c: Buffer) => (out += c.toString()));
          child.stderr.on("data", (c: Buffer) => (err += c.toString()));
          child.on("exit", (code) => resolve({ code, out, err }));
        });
      const results = await Promise.all([run(), run(), run()]);
      expect(results.map((r) => [r.code, r.err])).toEqual([
        [0, ""],
        [0, ""],
        [0, ""],
      ]);
      const applied = results.flatMap((r) => JSON.parse(r.out) as string[]);
      const h = await connect(t.config);
      try {
        const rows = await h.db
          .selectFrom("kysely_migration" as never)
          .selectAll()
          .execute();
        expect(rows).toHaveLength(Object.keys(MIGRATIONS).length);
        // each migration ran in exactly one of the three processes
        expect(applied.sort()).toEqual(Object.keys(MIGRATIONS).sort());
      } finally {
        await h.close();
      }
    } finally {
      await t.drop();
    }
  }, 60_000);

  it("postgres: migrates a schema of its own while another schema of the database already holds migrated tables", async () => {
    if (!dialects().includes("postgres")) return expect(dialects()).toEqual(["sqlite"]);
    const first = await freshDb("postgres");
    const second = await freshDb("postgres");
    try {
      const a = await connect(first.config);
      await migrateToLatest(a);
      await a.close();
      // the second schema starts empty: its own migration and lock tables must be made, not taken as existing
      const b = await connect(second.config);
      try {
        expect((await migrateToLatest(b)).length).toBe(Object.keys(MIGRATIONS).length);
        const rows = await b.db
          .selectFrom("kysely_migration" as never)
          .selectAll()
          .execute();
        expect(rows).toHaveLength(Object.keys(MIGRATIONS).length);
      } finally {
        await b.close();
      }
    } finally {
      await first.drop();
      await second.drop();
    }
  }, 60_000);
});
