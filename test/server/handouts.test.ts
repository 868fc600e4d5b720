/**
 * The handouts on the endpoint (issue #20): GET /handouts/<role>.<lang>.pdf answers a real PDF printed by chromium
 * (application/pdf, inline with its own file name, no token needed), made once and then kept, never failing for a
 * missing screenshot; a bad name is a bilingual 400 naming the parameter; chromium missing is 503
 * CT_HANDOUT_UNAVAILABLE, not kept. Also the parts: which screenshot shows which step, and the help page's texts.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { handoutPath, handoutRole, HANDOUT_FILES, parseHandoutFile } from "../../src/api/handout-paths";
import {
  chooseFigures,
  defaultHandoutSources,
  helpTexts,
  pngSize,
  type HandoutSources,
} from "../../src/server/services/handout";
import { handoutHtml } from "../../src/server/services/handout-page";
import { tourSteps } from "../../src/domain/tour/steps";
import { expectProblem, setup, type Fixture } from "./helpers";

const ROOT = path.join(__dirname, "..", "..");
const SCREENS = path.join(ROOT, "docs", "screens");
const HELP = fs.readFileSync(path.join(ROOT, "assets", "help.html"), "utf8");

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-handouts-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the handout's parts", () => {
  it("names four handouts and reads a file name back to its role and language", () => {
    expect(HANDOUT_FILES).toEqual(["clerk.vi.pdf", "clerk.en.pdf", "planner.vi.pdf", "planner.en.pdf"]);
    expect(parseHandoutFile("planner.en.pdf")).toEqual({ role: "planner", lang: "en" });
    for (const bad of ["planner.fr.pdf", "boss.vi.pdf", "clerk.vi.pdf.exe", "../clerk.vi.pdf"])
      expect(parseHandoutFile(bad)).toBeNull();
    expect(handoutPath(handoutRole("unit"), "vi")).toBe("/handouts/clerk.vi.pdf");
    expect(handoutPath(handoutRole("admin"), "en")).toBe("/handouts/planner.en.pdf");
  });

  it("takes the help page's token and support paragraphs, in each language", () => {
    const vi = helpTexts(HELP, "vi");
    const en = helpTexts(HELP, "en");
    expect(vi.token).toContain("chitieu token issue --unit <mã đơn vị>");
    expect(vi.support).toMatch(/^Hãy liên hệ cán bộ tổng hợp/);
    expect(en.token).toMatch(/^Each unit has an access token/);
    expect(en.support).toMatch(/^The planner who issued your unit's token/);
    expect(vi.token).toBe(vi.token!.normalize("NFC"));
    expect(helpTexts(null, "vi")).toEqual({ token: null, support: null });
    expect(helpTexts("<section lang='vi'><h2>Khác</h2></section>", "vi")).toEqual({ token: null, support: null });
  });

  it("shows the tour's own screenshot when there is one, else the closest screen, each once, never failing", () => {
    const screens = path.join(dir, "screens");
    fs.mkdirSync(screens);
    expect(chooseFigures("clerk", "vi", screens)).toEqual([]);
    expect(chooseFigures("clerk", "vi", path.join(dir, "nowhere"))).toEqual([]);
    expect(chooseFigures("clerk", "vi", null)).toEqual([]);
    const connect = fs.readFileSync(path.join(SCREENS, "connect.png"));
    const wide = fs.readFileSync(path.join(SCREENS, "consolidated.png"));
    fs.writeFileSync(path.join(screens, "issues.png"), connect);
    fs.writeFileSync(path.join(screens, "receipt.png"), "not a png");
    fs.writeFileSync(path.join(screens, "tour-clerk-connect.png"), wide);
    fs.writeFileSync(path.join(screens, "tour-clerk-connect.en.png"), connect);
    const vi = chooseFigures("clerk", "vi", screens);
    // connect: the tour's own; error: issues.png; justify: issues.png again is not repeated; receipt is no PNG
    expect(vi.map((f) => [f.caption, f.wide])).toEqual([
      ["1. Kết nối", true],
      ["4. Xem một lỗi", false],
    ]);
    expect(vi[0]!.src).toBe(`data:image/png;base64,${wide.toString("base64")}`);
    const en = chooseFigures("clerk", "en", screens);
    expect(en[0]).toMatchObject({ caption: "1. Connect", wide: false });
    expect(pngSize(connect)).toEqual({ width: 350, height: 900 });
    expect(pngSize(Buffer.from("GIF89a........................"))).toBeNull();
  });

  it("lays out every step numbered, escaped and NFC, with the figures and the help texts", () => {
    const html = handoutHtml(
      "planner",
      "vi",
      [{ src: "data:image/png;base64,AA==", caption: "1. <Bảng>", wide: false }],
      { token: null, support: "Gọi \u0041\u0300nh & chị" },
    );
    for (const [i, s] of tourSteps("planner").entries()) {
      expect(html).toContain(`<span class="n">${i + 1}</span>`);
      expect(html).toContain(s.title.vi.normalize("NFC"));
    }
    expect(html).toContain("1. &lt;Bảng&gt;");
    expect(html).toContain("Gọi Ành &amp; chị");
    expect(html).not.toContain("\u0300");
    expect(html).toContain("chitieu token issue --role planner");
  });
});

describe("GET /handouts/<role>.<lang>.pdf", () => {
  let f: Fixture;
  let sources: HandoutSources;
  beforeAll(async () => {
    // a server without any screenshot: the handout is still printed (steps, help texts), one page
    sources = { ...defaultHandoutSources(), screensDir: path.join(dir, "no-screens") };
    f = await setup("sqlite", { handouts: sources });
  }, 60_000);
  afterAll(async () => {
    await f?.close();
  });

  it("answers the PDF without a token, inline with its own name, made once and then kept", async () => {
    const first = await f.app.inject({ method: "GET", url: "/handouts/planner.en.pdf" });
    expect(first.statusCode).toBe(200);
    expect(first.headers["content-type"]).toBe("application/pdf");
    expect(first.headers["content-disposition"]).toBe('inline; filename="chitieu-planner.en.pdf"');
    const pdf = path.join(dir, "served.pdf");
    fs.writeFileSync(pdf, first.rawPayload);
    expect(execFileSync("pdfinfo", [pdf], { encoding: "utf8" })).toMatch(/^Pages:\s+1$/m);
    const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    for (const s of tourSteps("planner")) expect(text).toContain(s.title.en);
    // kept: the same bytes again (chromium stamps each print with its time, so a second print would differ)
    const again = await f.app.inject({ method: "GET", url: "/handouts/planner.en.pdf" });
    expect(again.statusCode).toBe(200);
    expect(Buffer.compare(again.rawPayload, first.rawPayload)).toBe(0);
  }, 180_000);

  it("refuses a name that is no handout with a bilingual 400 naming the parameter", async () => {
    for (const url of ["/handouts/boss.vi.pdf", "/handouts/clerk.fr.pdf", "/handouts/clerk.vi.docx"]) {
      const p = expectProblem(await f.app.inject({ method: "GET", url }), 400, "CT_REQUEST_INVALID");
      expect(p.issues).toEqual([
        expect.objectContaining({
          path: ["params", "file"],
          message: {
            vi: expect.stringContaining("Các tờ có sẵn: clerk.vi.pdf"),
            en: expect.stringContaining("The handouts are: clerk.vi.pdf"),
          },
        }),
      ]);
    }
  });

  it("says 503 CT_HANDOUT_UNAVAILABLE when chromium cannot run, and does not keep the failure", async () => {
    const chromium = path.join(dir, "chromium-later");
    const broken = await setup("sqlite", { handouts: { ...sources, chromium } });
    try {
      const p = expectProblem(
        await broken.app.inject({ method: "GET", url: "/handouts/clerk.vi.pdf" }),
        503,
        "CT_HANDOUT_UNAVAILABLE",
      );
      expect(p.message.vi).toContain("apt-get install chromium");
      expect(p.message.en).toContain("CHITIEU_CHROMIUM");
      // chromium installed meanwhile: the next request prints it
      fs.symlinkSync(defaultHandoutSources().chromium, chromium);
      const res = await broken.app.inject({ method: "GET", url: "/handouts/clerk.vi.pdf" });
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    } finally {
      await broken.close();
    }
  }, 180_000);
});
