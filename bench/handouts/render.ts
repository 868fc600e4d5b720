/**
 * Benchmark (issue #20): printing the four handouts, and why chromium prints them. Run: npx tsx bench/handouts/render.ts
 * Each handout is printed by the product's path (services/handout.ts: Debian's chromium, --print-to-pdf, a fresh
 * profile each time, so every print is a cold start), 2 passes, and its pages counted with pdfinfo. For comparison
 * the same page is converted by LibreOffice (`soffice --headless --convert-to pdf`, a private profile, as
 * `chitieu brief --pdf` does), once per handout: its time and page count. Only libreoffice-calc is installed here
 * (`npm test` needs no more), and without Writer LibreOffice cannot load an HTML page as a document: it is read
 * through Calc's HTML import (`--infilter="HTML (StarCalc)"`), which keeps the text and drops the CSS layout.
 * `pages=0` says LibreOffice wrote no PDF. Prints the load average before and after.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { HANDOUT_LANGS, HANDOUT_ROLES } from "../../src/api/handout-paths";
import { chooseFigures, defaultHandoutSources, helpTexts, makeHandout } from "../../src/server/services/handout";
import { handoutHtml } from "../../src/server/services/handout-page";

const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ");

function pages(pdf: string): number {
  if (!fs.existsSync(pdf)) return 0;
  return Number(/^Pages:\s+(\d+)/m.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1] ?? NaN);
}

function soffice(html: string, dir: string): { ms: number; pages: number } {
  const src = path.join(dir, "handout.html");
  fs.writeFileSync(src, html);
  const t0 = performance.now();
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${path.join(dir, "lo-profile")}`,
      "--headless",
      "--norestore",
      "--infilter=HTML (StarCalc)",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      src,
    ],
    { stdio: "ignore", timeout: 180_000 },
  );
  const ms = performance.now() - t0;
  return { ms, pages: pages(path.join(dir, "handout.pdf")) };
}

async function main(): Promise<void> {
  const sources = defaultHandoutSources();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-bench-handouts-"));
  console.log(`load average before: ${load()} (${os.cpus().length} cores)`);
  try {
    for (const role of HANDOUT_ROLES)
      for (const lang of HANDOUT_LANGS) {
        const times: number[] = [];
        let pdf: Buffer = Buffer.alloc(0);
        for (let pass = 0; pass < 2; pass++) {
          const t0 = performance.now();
          pdf = await makeHandout(role, lang, sources);
          times.push(performance.now() - t0);
        }
        const file = path.join(dir, `${role}.${lang}.pdf`);
        fs.writeFileSync(file, pdf);
        const best = Math.min(...times);
        console.log(`handouts.chromium.${role}.${lang}.ms=${Math.round(best)}`);
        console.log(`handouts.chromium.${role}.${lang}.pages=${pages(file)}`);
        console.log(`handouts.chromium.${role}.${lang}.kb=${Math.round(pdf.length / 1024)}`);
        const html = handoutHtml(
          role,
          lang,
          chooseFigures(role, lang, sources.screensDir),
          helpTexts(sources.helpHtml, lang),
        );
        const lo = soffice(html, dir);
        console.log(`handouts.soffice.${role}.${lang}.ms=${Math.round(lo.ms)}`);
        console.log(`handouts.soffice.${role}.${lang}.pages=${lo.pages}`);
      }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`load average after: ${load()}`);
}

void main();
