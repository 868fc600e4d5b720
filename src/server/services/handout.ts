/**
 * The handouts (issue #20): a one-page A4 PDF quick guide per role and language, written from the tour's steps
 * (src/domain/tour/steps.ts), the screenshots the browser tests take (docs/screens) and the help page's texts on
 * tokens and support (assets/help.html). The page is services/handout-page.ts; this file finds its parts and prints
 * it with Debian's chromium (`--print-to-pdf`, a private profile, no network): no npm package, seconds per page.
 * Used by `chitieu handout` and by the endpoint's GET /handouts/<role>.<lang>.pdf (made once, then kept).
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Locale } from "../../domain/types";
import { tourSteps, type TourRole } from "../../domain/tour/steps";
import { CT_HANDOUT_UNAVAILABLE } from "../errors";
import { handoutHtml, type HandoutFigure, type HandoutHelp } from "./handout-page";

export interface HandoutSources {
  /** the screenshots' folder (docs/screens); a missing file or folder only leaves its picture out */
  screensDir: string | null;
  /** the help page's HTML (the served help.html or assets/help.html); null: no help texts */
  helpHtml: string | null;
  /** the chromium to print with (CHITIEU_CHROMIUM; default Debian's /usr/bin/chromium) */
  chromium: string;
}

/**
 * Which screenshot shows which step, at most four a role: the tour's own (`tour-<step>.<lang>.png`, then
 * `tour-<step>.png`, taken by the tour's browser test) when it is there, else the closest screen the other browser
 * tests take. A screen already used by an earlier step is not shown twice.
 */
export const HANDOUT_SCREENS: Readonly<Record<TourRole, readonly { step: string; fallbacks: readonly string[] }[]>> = {
  clerk: [
    { step: "clerk-connect", fallbacks: ["connect.png"] },
    { step: "clerk-error", fallbacks: ["issues.png"] },
    { step: "clerk-justify", fallbacks: ["issues.png"] },
    { step: "clerk-submit", fallbacks: ["receipt.png"] },
  ],
  planner: [
    { step: "planner-board", fallbacks: ["review-board.png"] },
    { step: "planner-open", fallbacks: ["review-detail.png"] },
    { step: "planner-consolidate", fallbacks: ["consolidated.png"] },
    { step: "planner-scorecard", fallbacks: ["consolidated-charts.png"] },
  ],
};

/** A PNG's width and height (its IHDR chunk), or null when the bytes are not a PNG. */
export function pngSize(buf: Buffer): { width: number; height: number } | null {
  const signature = "89504e470d0a1a0a";
  if (buf.length < 24 || buf.subarray(0, 8).toString("hex") !== signature) return null;
  if (buf.subarray(12, 16).toString("latin1") !== "IHDR") return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function readPng(dir: string, name: string): { file: string; data: Buffer; wide: boolean } | null {
  const file = path.join(dir, name);
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch {
    return null;
  }
  const size = pngSize(data);
  return size ? { file, data, wide: size.width > size.height } : null;
}

/** The screenshots of one role's handout, in the order of the steps; none when the folder is missing. */
export function chooseFigures(role: TourRole, lang: Locale, screensDir: string | null): HandoutFigure[] {
  if (!screensDir) return [];
  const steps = tourSteps(role);
  const used = new Set<string>();
  const figures: HandoutFigure[] = [];
  for (const slot of HANDOUT_SCREENS[role]) {
    const index = steps.findIndex((s) => s.id === slot.step);
    const step = steps[index];
    if (!step) continue;
    const names = [`tour-${slot.step}.${lang}.png`, `tour-${slot.step}.png`, ...slot.fallbacks];
    const png = names.map((n) => readPng(screensDir, n)).find((p) => p !== null && !used.has(p.file));
    if (!png) continue;
    used.add(png.file);
    figures.push({
      src: `data:image/png;base64,${png.data.toString("base64")}`,
      caption: `${index + 1}. ${step.title[lang]}`,
      wide: png.wide,
    });
  }
  return figures;
}

/** The help page's headings whose paragraphs the handout repeats (assets/help.html, issue #17). */
export const HELP_HEADINGS: Readonly<Record<keyof HandoutHelp, Readonly<Record<Locale, string>>>> = {
  token: { vi: "Lấy mã truy cập", en: "Getting a token" },
  support: { vi: "Cần hỗ trợ", en: "Whom to call" },
};

function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim()
    .normalize("NFC");
}

/** What the help page says under a heading, in one language: the text up to the next heading; null when absent. */
export function helpTexts(html: string | null, lang: Locale): HandoutHelp {
  const out: HandoutHelp = { token: null, support: null };
  if (!html) return out;
  const section = new RegExp(`<section[^>]*\\blang="${lang}"[^>]*>([\\s\\S]*?)</section>`).exec(html.normalize("NFC"));
  if (!section) return out;
  for (const key of Object.keys(HELP_HEADINGS) as (keyof HandoutHelp)[]) {
    const heading = HELP_HEADINGS[key][lang].normalize("NFC");
    const at = section[1]!.indexOf(`>${heading}</h2>`);
    if (at < 0) continue;
    const rest = section[1]!.slice(at + heading.length + 6);
    const text = plainText(rest.split(/<h2[\s>]/)[0]!);
    out[key] = text || null;
  }
  return out;
}

/** `rel` in the nearest folder above this file that holds it (the package's), from src/ or dist/; else null. */
function inPackage(rel: string): string | null {
  for (let dir = __dirname, i = 0; i < 6; i++, dir = path.dirname(dir)) {
    const file = path.join(dir, rel);
    if (fs.existsSync(file)) return file;
  }
  return null;
}

/** Where the parts are found: the package's docs/screens and help page, and Debian's chromium. */
export function defaultHandoutSources(staticRoot: string | null = null, env = process.env): HandoutSources {
  const served = staticRoot ? path.join(staticRoot, "help.html") : null;
  const help = served && fs.existsSync(served) ? served : inPackage(path.join("assets", "help.html"));
  return {
    screensDir: inPackage(path.join("docs", "screens")),
    helpHtml: help ? fs.readFileSync(help, "utf8") : null,
    chromium: env.CHITIEU_CHROMIUM || "/usr/bin/chromium",
  };
}

const RENDER_TIMEOUT_MS = 120_000;

function runChromium(chromium: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(chromium, args, { timeout: RENDER_TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024 }, (error, _out, stderr) => {
      if (error) {
        const last = String(stderr).trim().split("\n").slice(-1)[0] ?? "";
        reject(new Error(`${error.message.split("\n")[0]}${last ? ` — ${last}` : ""}`));
      } else resolve();
    });
  });
}

/** Prints a page with chromium in a private, throw-away profile; the PDF's bytes. */
export async function printHtmlToPdf(html: string, chromium: string): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-handout-"));
  try {
    const page = path.join(dir, "handout.html");
    const pdf = path.join(dir, "handout.pdf");
    fs.writeFileSync(page, html, "utf8");
    await runChromium(chromium, [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      `--user-data-dir=${path.join(dir, "profile")}`,
      "--no-pdf-header-footer",
      `--print-to-pdf=${pdf}`,
      `file://${page}`,
    ]);
    const bytes = fs.existsSync(pdf) ? fs.readFileSync(pdf) : null;
    if (!bytes || bytes.subarray(0, 5).toString("latin1") !== "%PDF-") throw new Error("chromium wrote no PDF");
    return bytes;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** One handout as PDF bytes; CT_HANDOUT_UNAVAILABLE (naming the cause and the fix) when it cannot be printed. */
export async function makeHandout(role: TourRole, lang: Locale, sources: HandoutSources): Promise<Buffer> {
  const html = handoutHtml(
    role,
    lang,
    chooseFigures(role, lang, sources.screensDir),
    helpTexts(sources.helpHtml, lang),
  );
  try {
    return await printHtmlToPdf(html, sources.chromium);
  } catch (e) {
    throw CT_HANDOUT_UNAVAILABLE({ chromium: sources.chromium, detail: (e as Error).message });
  }
}

/**
 * The endpoint's handouts: each made at its first request, then kept for the life of the process; one print at a
 * time (a class opening all four at once starts one chromium after another), a failure is not kept.
 */
export function handoutCache(sources: HandoutSources): (role: TourRole, lang: Locale) => Promise<Buffer> {
  const made = new Map<string, Promise<Buffer>>();
  let queue: Promise<unknown> = Promise.resolve();
  return (role, lang) => {
    const key = `${role}.${lang}`;
    let pdf = made.get(key);
    if (!pdf) {
      pdf = queue.then(() => makeHandout(role, lang, sources));
      queue = pdf.catch(() => undefined);
      made.set(key, pdf);
      pdf.catch(() => made.delete(key));
    }
    return pdf;
  };
}
