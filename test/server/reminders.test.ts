/**
 * E-mail reminders (issue #18), on both engines, against a real SMTP server in-process: which periods are due on a
 * day, one mail per unit × period × kind (never a second one, even from two runs at once), none to a unit that has
 * submitted or has no address, a refused mail retried, the dry run, and the mail's text in vi and en.
 */
import { parsePeriod } from "../../src/domain";
import type { ReminderConfig } from "../../src/server/reminder-config";
import { resolveReminderConfig } from "../../src/server/reminder-config";
import { dueSlots, runReminders, sendFailure, smtpTransport, type Slot } from "../../src/server/services/reminders";
import { auth, body, dialects, get, OTHER, setup, submit, UNIT, type Fixture } from "./helpers";
import { startSmtp, type TestSmtp } from "./smtp";

const THIRD = "00025";

function slot(period: string, kind: "before" | "after", deadline: string): Slot {
  return { period: parsePeriod(period)!, kind, deadline };
}

describe("which reminders are due on a day", () => {
  const cfg: { beforeDays: number | null; afterDays: number | null } = { beforeDays: 3, afterDays: 1 };
  it("sends 'before' from N days before the deadline and 'after' from N days after it, for a week", () => {
    // 8 April 2026, 10:00 in Hanoi: 2026-Q1 is due on the 10th; 2026-03 was due on 5 April
    const ids = (at: string, c = cfg) => dueSlots(new Date(at), c).map((s) => `${s.period.id}:${s.kind}`);
    expect(ids("2026-04-08T03:00:00Z")).toEqual(["2026-03:after", "2026-Q1:before"]);
    expect(ids("2026-04-06T03:00:00Z")).toEqual(["2026-03:after"]);
    // 16:59 UTC on 6 April is 23:59 in Hanoi; 17:00 UTC is already the 7th there
    expect(ids("2026-04-06T17:00:00Z")).toEqual(["2026-03:after", "2026-Q1:before"]);
    expect(ids("2026-04-14T03:00:00Z")).toEqual(["2026-Q1:after"]);
    expect(ids("2026-04-25T03:00:00Z")).toEqual([]);
    expect(ids("2026-04-08T03:00:00Z", { beforeDays: null, afterDays: 1 })).toEqual(["2026-03:after"]);
    expect(dueSlots(new Date("2026-04-08T03:00:00Z"), cfg, { from: 2027, to: 2030 })).toEqual([]);
  });

  it("tells a failure before any data left (retry) from a refusal (retry) and from a lost DATA phase (never again)", () => {
    expect(sendFailure(Object.assign(new Error("connect ECONNREFUSED"), { code: "ESOCKET", command: "CONN" }))).toBe(
      "unreached",
    );
    expect(sendFailure(Object.assign(new Error("Invalid login"), { code: "EAUTH", command: "AUTH PLAIN" }))).toBe(
      "unreached",
    );
    expect(sendFailure(Object.assign(new Error("mailbox unavailable"), { code: "EMESSAGE", responseCode: 550 }))).toBe(
      "refused",
    );
    expect(sendFailure(Object.assign(new Error("Connection closed"), { code: "ECONNECTION", command: "DATA" }))).toBe(
      "unknown",
    );
    expect(sendFailure(Object.assign(new Error("Timeout"), { code: "ETIMEDOUT", command: "DATA" }))).toBe("unknown");
  });

  it("is off unless CHITIEU_SMTP_URL is set, and refuses settings it cannot use", () => {
    expect(resolveReminderConfig({})).toBeNull();
    const on = resolveReminderConfig({ CHITIEU_SMTP_URL: "smtp://mail:25", CHITIEU_MAIL_FROM: "a@b.vn" });
    expect(on).toMatchObject({ beforeDays: 3, afterDays: 1, locale: "vi", intervalMs: 900_000 });
    expect(() => resolveReminderConfig({ CHITIEU_SMTP_URL: "smtp://mail:25" })).toThrow(/CHITIEU_MAIL_FROM/);
    expect(() => resolveReminderConfig({ CHITIEU_SMTP_URL: "http://x", CHITIEU_MAIL_FROM: "a@b.vn" })).toThrow(
      /CHITIEU_SMTP_URL/,
    );
    const env = { CHITIEU_SMTP_URL: "smtp://mail:25", CHITIEU_MAIL_FROM: "a@b.vn" };
    expect(() => resolveReminderConfig({ ...env, CHITIEU_REMIND_BEFORE_DAYS: "-1" })).toThrow(/BEFORE_DAYS/);
    expect(resolveReminderConfig({ ...env, CHITIEU_REMIND_AFTER_DAYS: "off" })?.afterDays).toBeNull();
  });
});

for (const dialect of dialects()) {
  describe(`${dialect}: reminder e-mails`, () => {
    let f: Fixture;
    let smtp: TestSmtp;
    let config: ReminderConfig;
    const deps = () => ({
      db: f.app.store.db,
      reference: f.app.reference,
      config,
      transport: smtpTransport(config),
    });
    beforeAll(async () => {
      smtp = await startSmtp();
      config = {
        smtpUrl: smtp.url,
        from: "Chỉ tiêu <chitieu@hanoi.test>",
        beforeDays: 3,
        afterDays: 1,
        locale: "vi",
        intervalMs: 1000,
        publicUrl: "https://chitieu.hanoi.test",
      };
      f = await setup(dialect);
      const put = (code: string, emails: string[]) =>
        f.app.inject({
          method: "PUT",
          url: `/api/v1/units/${code}/reminder-contact`,
          headers: auth(f.tokens.planner),
          payload: { emails },
        });
      for (const [code, emails] of [
        [UNIT, ["vanthu@badinh.hanoi.test"]],
        [OTHER, ["vanthu@ngocha.hanoi.test"]],
        [THIRD, ["a@giangvo.hanoi.test", "b@giangvo.hanoi.test"]],
      ] as const) {
        expect((await put(code, [...emails])).statusCode).toBe(200);
      }
      expect((await submit(f.app, f.tokens.unit, body(f.app, { period: "2026-Q1" }))).statusCode).toBe(201);
    }, 60_000);
    afterAll(async () => {
      await f?.close();
      await smtp?.close();
    });

    it("sends one mail per unit × period × kind to units that have not submitted, never a second", async () => {
      const slots = [slot("2026-03", "after", "2026-04-05"), slot("2026-Q1", "before", "2026-04-10")];
      const dry = await runReminders(deps(), slots, { dryRun: true });
      expect(dry.filter((o) => o.outcome === "would_send")).toHaveLength(5);
      expect(smtp.mails).toHaveLength(0);
      const first = await runReminders(deps(), slots);
      const sent = first.filter((o) => o.outcome === "sent").map((o) => `${o.unitCode}:${o.period}:${o.kind}`);
      expect(sent.sort()).toEqual(
        [
          `${UNIT}:2026-03:after`,
          `${OTHER}:2026-03:after`,
          `${THIRD}:2026-03:after`,
          `${OTHER}:2026-Q1:before`,
          `${THIRD}:2026-Q1:before`,
        ].sort(),
      );
      expect(first.find((o) => o.unitCode === UNIT && o.period === "2026-Q1")?.outcome).toBe("submitted");
      expect(first.filter((o) => o.outcome === "no_address").length).toBeGreaterThan(100);
      expect(smtp.mails).toHaveLength(5);
      const again = await runReminders(deps(), slots);
      expect(again.filter((o) => o.outcome === "sent")).toHaveLength(0);
      expect(again.filter((o) => o.outcome === "already_sent")).toHaveLength(5);
      expect(smtp.mails).toHaveLength(5);
      expect(smtp.mails.some((m) => m.to.includes("vanthu@badinh.hanoi.test") && m.subject.includes("2026-Q1"))).toBe(
        false,
      );
    });

    it("reminds a unit that owns a key task though no figure is due, and not one with neither", async () => {
      // S-YT leads a task of the starter register in 2026-Q1 and has no target due then; S-KHCN has neither
      const out = await runReminders(deps(), [slot("2026-Q1", "before", "2026-04-10")], { dryRun: true });
      expect(out.find((o) => o.unitCode === "S-YT")?.outcome).toBe("no_address");
      expect(out.find((o) => o.unitCode === "S-KHCN")).toBeUndefined();
    });

    it("writes the mail in vi and en: unit, period, deadline and how to submit", async () => {
      const m = smtp.mails.find((x) => x.to.includes("a@giangvo.hanoi.test") && x.subject.includes("2026-Q1"))!;
      expect(m.to.sort()).toEqual(["a@giangvo.hanoi.test", "b@giangvo.hanoi.test"]);
      expect(m.from).toBe("chitieu@hanoi.test");
      expect(m.subject).toBe(
        "[Chỉ tiêu] Nhắc nộp báo cáo 2026-Q1 trước 10/04/2026 — Phường Giảng Võ / Report 2026-Q1 due 10/04/2026",
      );
      expect(m.text).toContain("Kính gửi Phường Giảng Võ,");
      expect(m.text).toContain(
        "Báo cáo Quý I/2026 (kỳ 2026-Q1) của Phường Giảng Võ (mã 00025) cần nộp chậm nhất ngày 10/04/2026",
      );
      expect(m.text).toContain(
        "The Q1 2026 report (period 2026-Q1) of Giang Vo Ward (code 00025) is due by 10/04/2026",
      );
      expect(m.text).toContain("https://chitieu.hanoi.test");
      expect(m.text).toContain("Nộp báo cáo");
      expect(m.text.indexOf("Kính gửi")).toBeLessThan(m.text.indexOf("Dear"));
      const late = smtp.mails.find((x) => x.to.includes("vanthu@ngocha.hanoi.test") && x.subject.includes("2026-03"))!;
      expect(late.text).toContain("đã quá hạn nộp (hạn 05/04/2026)");
      expect(late.text).toContain("is overdue (deadline 05/04/2026)");
    });

    it("sends each reminder once when two runs (two instances) race for it", async () => {
      const before = smtp.mails.length;
      const s = [slot("2026-Q1", "after", "2026-04-10")];
      const [a, b] = await Promise.all([runReminders(deps(), s), runReminders(deps(), s)]);
      const sent = [...a, ...b].filter((o) => o.outcome === "sent").map((o) => o.unitCode);
      expect(sent.sort()).toEqual([OTHER, THIRD].sort());
      expect(smtp.mails.length - before).toBe(2);
    });

    it("defers every mail of a run when the SMTP server cannot be reached, leaving no claim behind", async () => {
      const before = smtp.mails.length;
      const s = [slot("2026-Q3", "before", "2026-10-10")];
      const down = { ...config, smtpUrl: "smtp://127.0.0.1:1" };
      const out = await runReminders({ ...deps(), config: down, transport: smtpTransport(down) }, s);
      const deferred = out.filter((o) => o.outcome === "deferred");
      expect(deferred).toHaveLength(3);
      expect(deferred[0]!.error).toMatch(/ECONNREFUSED|connect/i);
      expect((await get(f.app, f.tokens.planner, "/reminders?period=2026-Q3")).json().reminders).toEqual([]);
      const later = await runReminders(deps(), s);
      expect(later.filter((o) => o.outcome === "sent")).toHaveLength(3);
      expect(smtp.mails.length - before).toBe(3);
    });

    it("marks a mail the SMTP server refused as failed, and sends it on the next run", async () => {
      const before = smtp.mails.length;
      smtp.reject.count = 1;
      const s = [slot("2026-H1", "before", "2026-07-15")];
      const first = await runReminders(deps(), s);
      expect(first.filter((o) => o.outcome === "failed")).toHaveLength(1);
      expect(first.filter((o) => o.outcome === "sent")).toHaveLength(2);
      const listed = (await get(f.app, f.tokens.planner, "/reminders?period=2026-H1")).json();
      expect(listed.reminders.map((r: { state: string }) => r.state).sort()).toEqual(["failed", "sent", "sent"]);
      const second = await runReminders(deps(), s);
      expect(second.filter((o) => o.outcome === "sent")).toHaveLength(1);
      expect(smtp.mails.length - before).toBe(3);
      const third = await runReminders(deps(), s);
      expect(third.filter((o) => o.outcome === "sent")).toHaveLength(0);
    });
  });
}
