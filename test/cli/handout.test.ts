/**
 * `chitieu handout` (issue #20): the four handouts are printed by the product's path (chromium's print-to-PDF) and
 * checked by rendering them with poppler: one A4 page each (pdfinfo), every step title of that role's tour in that
 * language and the help page's texts in the extracted text (pdftotext), the chosen screenshots embedded (pdfimages),
 * and the page drawn to pixels with ink on it (pdftoppm).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main";
import { tourSteps, type TourRole } from "../../src/domain/tour/steps";
import type { Locale } from "../../src/domain/types";
import { chooseFigures, defaultHandoutSources, helpTexts } from "../../src/server/services/handout";
import { capture } from "../helpers";

const ROOT = path.join(__dirname, "..", "..");
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-handout-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The share of a page's pixels that carry ink, from a grey rendering at 30 dpi (PGM, "P5 w h 255" then bytes). */
function inkShare(pdf: string): number {
  const prefix = path.join(dir, `${path.basename(pdf, ".pdf")}-page`);
  execFileSync("pdftoppm", ["-r", "30", "-gray", "-singlefile", pdf, prefix]);
  const pgm = fs.readFileSync(`${prefix}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString("latin1"));
  expect(header).not.toBeNull();
  const [w, h] = [Number(header![1]), Number(header![2])];
  const pixels = pgm.subarray(header![0].length);
  expect(pixels.length).toBe(w * h);
  let ink = 0;
  for (const p of pixels) if (p < 200) ink++;
  return ink / pixels.length;
}

async function handout(role: TourRole, lang: Locale): Promise<string> {
  const file = path.join(dir, `${role}.${lang}.pdf`);
  const c = capture(dir, process.env);
  const code = await main(["handout", "--role", role, "--lang", lang, "-o", file], c.io);
  expect({ code, err: code === 0 ? "" : c.err() }).toEqual({ code: 0, err: "" });
  expect(c.err()).toContain(`${role}.${lang}.pdf`);
  return file;
}

describe("chitieu handout: a one-page quick guide per role and language, checked by rendering it", () => {
  const cases: [TourRole, Locale][] = [
    ["clerk", "vi"],
    ["clerk", "en"],
    ["planner", "vi"],
    ["planner", "en"],
  ];
  it.each(cases)(
    "%s in %s: one A4 page with every step of the tour, the help texts, its screenshots and ink",
    async (role, lang) => {
      const pdf = await handout(role, lang);
      const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
      expect(info).toMatch(/^Pages:\s+1$/m);
      expect(info).toMatch(/^Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/m);
      // the extracted text, as it is (not normalised here): Vietnamese must come out NFC
      const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
      const other: Locale = lang === "vi" ? "en" : "vi";
      for (const step of tourSteps(role)) {
        expect(text).toContain(step.title[lang].normalize("NFC"));
        if (step.title[other] !== step.title[lang]) expect(text).not.toContain(step.action[other].slice(0, 30));
      }
      const help = helpTexts(fs.readFileSync(path.join(ROOT, "assets", "help.html"), "utf8"), lang);
      expect(text).toContain(help.support!.slice(0, 40));
      if (role === "clerk") expect(text).toContain(help.token!.slice(0, 40));
      const figures = chooseFigures(role, lang, defaultHandoutSources().screensDir);
      expect(figures.length).toBeGreaterThanOrEqual(2);
      const images = execFileSync("pdfimages", ["-list", pdf], { encoding: "utf8" }).trim().split("\n").slice(2);
      expect(images.length).toBeGreaterThanOrEqual(figures.length);
      const ink = inkShare(pdf);
      expect(ink).toBeGreaterThan(0.03);
      expect(ink).toBeLessThan(0.6);
    },
    180_000,
  );

  it("refuses a bad role or language with a bilingual usage error (exit 2), writing nothing", async () => {
    for (const argv of [
      ["--role", "boss", "-o", "x.pdf"],
      ["--role", "clerk", "--lang", "fr", "-o", "x.pdf"],
      ["--role", "clerk"],
    ]) {
      const c = capture(dir, process.env);
      expect(await main(["handout", ...argv], c.io)).toBe(2);
      expect(c.err()).toMatch(/phải là|Cần -o/);
      expect(c.err()).toMatch(/must be|Give -o/);
    }
    expect(fs.existsSync(path.join(dir, "x.pdf"))).toBe(false);
  });

  it("says why and how to fix it when chromium cannot be run (exit 1, CT_HANDOUT_UNAVAILABLE)", async () => {
    const c = capture(dir, { ...process.env, CHITIEU_CHROMIUM: path.join(dir, "no-chromium") });
    const out = path.join(dir, "none.pdf");
    expect(await main(["handout", "--role", "planner", "--lang", "en", "-o", out], c.io)).toBe(1);
    expect(c.err()).toContain("apt-get install chromium");
    expect(c.err()).toContain("CHITIEU_CHROMIUM");
    expect(c.err()).toContain("Cài chromium");
    expect(fs.existsSync(out)).toBe(false);
  });
});
