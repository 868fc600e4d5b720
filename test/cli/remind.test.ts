/** `chitieu remind` (issue #18) on a SQLite file against a real SMTP server in-process: list, send once, refuse. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { run } from "../../src/cli/remind";
import { connect, migrateToLatest } from "../../src/server/db/connect";
import { saveReminderContact } from "../../src/server/db/reminders";
import { seedReferenceData } from "../../src/server/db/seed";
import { startSmtp, type TestSmtp } from "../server/smtp";
import { capture } from "./cli-fixture";

jest.setTimeout(60_000);

let dir: string;
let db: string;
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtp();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-cli-remind-"));
  db = path.join(dir, "remind.sqlite");
  const handle = await connect({ sqlitePath: db });
  await migrateToLatest(handle);
  await seedReferenceData(handle.db, new Date().toISOString());
  await saveReminderContact(handle.db, {
    unitCode: "00004",
    emails: ["vanthu@badinh.hanoi.test"],
    locale: null,
    at: new Date().toISOString(),
    by: null,
  });
  await handle.close();
});
afterAll(async () => {
  await smtp.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("chitieu remind", () => {
  it("lists who would get a reminder with --dry-run, sending nothing and needing no SMTP", async () => {
    const c = capture(dir);
    expect(await run(["--period", "2026-Q1", "--kind", "after", "--dry-run", "--db", db], c.io)).toBe(0);
    expect(c.out()).toContain("00004\t2026-Q1\tafter\tsẽ gửi / would send → vanthu@badinh.hanoi.test");
    expect(c.out()).toContain("00008\t2026-Q1\tafter\tchưa có địa chỉ thư / no address");
    expect(c.err()).toContain("would send 1");
    expect(smtp.mails).toHaveLength(0);
  });

  it("refuses to send while no SMTP server is configured, in vi and en", async () => {
    const c = capture(dir);
    expect(await run(["--period", "2026-Q1", "--db", db], c.io)).toBe(1);
    expect(c.err()).toContain("CT_REMINDERS_OFF");
    expect(c.err()).toContain("CHITIEU_SMTP_URL");
    expect(smtp.mails).toHaveLength(0);
  });

  it("sends each reminder once: a second run finds it already sent", async () => {
    const env = { CHITIEU_SMTP_URL: smtp.url, CHITIEU_MAIL_FROM: "chitieu@hanoi.test" };
    const first = capture(dir, env);
    expect(await run(["--period", "2026-Q1", "--kind", "after", "--db", db], first.io)).toBe(0);
    expect(first.out()).toContain("00004\t2026-Q1\tafter\tđã gửi / sent");
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.subject).toContain("2026-Q1");
    const second = capture(dir, env);
    expect(await run(["--period", "2026-Q1", "--kind", "after", "--db", db], second.io)).toBe(0);
    expect(second.out()).toContain("00004\t2026-Q1\tafter\tđã gửi trước đó / already sent");
    expect(smtp.mails).toHaveLength(1);
  });

  it("needs a period (exit 2)", async () => {
    const c = capture(dir);
    expect(await run(["--db", db], c.io)).toBe(2);
    expect(c.err()).toContain("--period");
  });
});
