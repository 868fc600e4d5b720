/**
 * The page of a handout (issue #20): one A4 sheet, as HTML for chromium's print-to-PDF. The steps are the tour's
 * (src/domain/tour/steps.ts), so the paper says what the pane's coach marks say; the screenshots and the help texts
 * are given by services/handout.ts. Pure: no file, no process. Every text is NFC and escaped.
 */
import type { Bilingual, Locale } from "../../domain/types";
import { tourSteps, type TourRole } from "../../domain/tour/steps";

/** A screenshot placed on the page: an image (data: URI), its caption, and whether it is wider than tall. */
export interface HandoutFigure {
  src: string;
  caption: string;
  wide: boolean;
}

/** What the help page says about tokens and support, in the handout's language; null when it says nothing. */
export interface HandoutHelp {
  token: string | null;
  support: string | null;
}

const TEXTS = {
  product: { vi: "Chỉ tiêu — hướng dẫn nhanh", en: "Chỉ tiêu — quick guide" },
  title: {
    clerk: { vi: "Báo cáo chỉ tiêu của đơn vị trong Excel", en: "Your unit's target report in Excel" },
    planner: { vi: "Theo dõi, duyệt và tổng hợp báo cáo", en: "Following, reviewing and consolidating reports" },
  },
  audience: {
    clerk: {
      vi: "Dành cho cán bộ nhập liệu của phường, xã và sở, ngành: người điền, kiểm tra và gửi báo cáo.",
      en: "For the clerks of wards, communes and city departments: the people who fill, check and submit the report.",
    },
    planner: {
      vi: "Dành cho cán bộ tổng hợp của thành phố: người theo dõi các đơn vị, trả lại hoặc chấp nhận báo cáo và tổng hợp.",
      en: "For the city's planners: the people who follow the units, return or accept their reports and consolidate them.",
    },
  },
  classroom: {
    vi: "Các bước dưới đây là các bước của “Hướng dẫn từng bước” trong ngăn bổ trợ. Khi tập huấn, dùng mã truy cập trình diễn: số liệu không tính vào báo cáo thật.",
    en: "These are the steps of the pane's “Guided tour”. In class, use a demo token: nothing you do counts in real reports.",
  },
  steps: { vi: "Các bước", en: "The steps" },
  why: { vi: "Vì sao:", en: "Why:" },
  token: { vi: "Lấy mã truy cập", en: "Getting a token" },
  support: { vi: "Cần hỗ trợ", en: "Whom to call" },
  plannerToken: {
    vi: "Mã của cán bộ tổng hợp do quản trị viên máy chủ Chỉ tiêu cấp (chitieu token issue --role planner); khi tập huấn, giảng viên phát mã trình diễn của cán bộ tổng hợp.",
    en: "A planner's token is issued by the administrator of the Chỉ tiêu endpoint (chitieu token issue --role planner); in class, the trainer hands out the demo planner token.",
  },
  clerkClass: {
    vi: "Khi tập huấn, giảng viên phát mã của một đơn vị trình diễn (DEMO-01 …).",
    en: "In class, the trainer hands out a demo unit's token (DEMO-01 …).",
  },
  help: {
    vi: "Trang trợ giúp đầy đủ: help.html trên máy chủ Chỉ tiêu (địa chỉ đã dùng để kết nối).",
    en: "The full help page: help.html on the Chỉ tiêu endpoint (the address you connect to).",
  },
} as const;

function esc(s: string): string {
  return s.normalize("NFC").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function pick(b: Bilingual, lang: Locale): string {
  return esc(b[lang]);
}

const CSS = `
@page { size: A4; margin: 11mm 12mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { width: 186mm; }
body { font-family: "DejaVu Sans", "Noto Sans", "Liberation Sans", sans-serif; font-size: 8.4pt; line-height: 1.3;
  color: #1b1b1b; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
header { border-bottom: 2px solid #0f6cbd; padding-bottom: 2mm; margin-bottom: 3mm; }
.product { color: #0f6cbd; font-weight: bold; font-size: 9pt; margin: 0; }
h1 { font-size: 15pt; margin: 0.6mm 0 1mm; }
.audience { margin: 0; font-size: 9pt; }
.classroom { margin: 1mm 0 0; color: #424242; }
main { display: grid; grid-template-columns: 1fr 66mm; gap: 5mm; }
main.solo { grid-template-columns: 1fr; }
h2 { font-size: 10pt; margin: 0 0 1.5mm; color: #0f6cbd; }
ol { list-style: none; margin: 0; padding: 0; }
li { display: grid; grid-template-columns: 6mm 1fr; margin-bottom: 1.9mm; break-inside: avoid; }
.n { width: 4.6mm; height: 4.6mm; border-radius: 50%; background: #0f6cbd; color: #fff; font-weight: bold;
  text-align: center; line-height: 4.6mm; font-size: 8pt; }
.t { font-weight: bold; font-size: 9pt; }
.a { margin: 0.3mm 0 0; }
.w { margin: 0.3mm 0 0; color: #555; font-size: 7.8pt; }
.w b { color: #424242; }
.figures { display: grid; grid-template-columns: 1fr 1fr; gap: 2.5mm; align-content: start; }
figure { margin: 0; break-inside: avoid; }
figure.wide { grid-column: span 2; }
figure img { display: block; width: 100%; max-height: 80mm; object-fit: contain; object-position: top left;
  border: 0.3mm solid #c7c7c7; }
figcaption { font-size: 7.2pt; color: #424242; margin-top: 0.6mm; }
footer { display: grid; grid-template-columns: 1fr 1fr; gap: 5mm; margin-top: 3mm; border-top: 1px solid #c7c7c7;
  padding-top: 2mm; }
footer p { margin: 0 0 1mm; }
.note { grid-column: span 2; color: #555; font-size: 7.4pt; margin: 0; }
`;

/**
 * One page, whatever the language's length: the body is laid out at the page's width, and when it is taller than the
 * page it is zoomed out (and widened back to the page's width) before chromium prints. Runs at load, before printing.
 */
const FIT_SCRIPT = `(() => {
  const mm = 96 / 25.4, pageHeight = 275 * mm, pageWidth = 186 * mm, body = document.body;
  let zoom = 1;
  for (let i = 0; i < 6; i++) {
    const height = document.documentElement.scrollHeight;
    if (height <= pageHeight) break;
    zoom *= (pageHeight / height) * 0.99;
    body.style.zoom = String(zoom);
    body.style.width = (pageWidth / zoom) + "px";
  }
})();`;

function renderSteps(role: TourRole, lang: Locale): string {
  return tourSteps(role)
    .map(
      (s, i) =>
        `<li data-step="${esc(s.id)}"><span class="n">${i + 1}</span><div><div class="t">${pick(s.title, lang)}</div>` +
        `<p class="a">${pick(s.action, lang)}</p><p class="w"><b>${pick(TEXTS.why, lang)}</b> ${pick(s.why, lang)}</p></div></li>`,
    )
    .join("\n");
}

function renderFigures(figures: readonly HandoutFigure[]): string {
  return figures
    .map(
      (f) =>
        `<figure class="${f.wide ? "wide" : "narrow"}"><img src="${f.src}" alt="${esc(f.caption)}">` +
        `<figcaption>${esc(f.caption)}</figcaption></figure>`,
    )
    .join("\n");
}

function renderFooter(role: TourRole, lang: Locale, help: HandoutHelp): string {
  const token =
    role === "planner"
      ? [pick(TEXTS.plannerToken, lang)]
      : [help.token ? esc(help.token) : null, pick(TEXTS.clerkClass, lang)].filter((p): p is string => p !== null);
  const support = help.support ? `<p>${esc(help.support)}</p>` : "";
  return (
    `<footer><section><h2>${pick(TEXTS.token, lang)}</h2>${token.map((p) => `<p>${p}</p>`).join("")}</section>` +
    `<section><h2>${pick(TEXTS.support, lang)}</h2>${support}</section>` +
    `<p class="note">${pick(TEXTS.help, lang)}</p></footer>`
  );
}

/** The whole page: title, who it is for, the tour's steps numbered, the screenshots, token and support. */
export function handoutHtml(
  role: TourRole,
  lang: Locale,
  figures: readonly HandoutFigure[],
  help: HandoutHelp,
): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${pick(TEXTS.product, lang)} — ${pick(TEXTS.title[role], lang)}</title>
<style>${CSS}</style></head>
<body>
<header><p class="product">${pick(TEXTS.product, lang)}</p><h1>${pick(TEXTS.title[role], lang)}</h1>
<p class="audience">${pick(TEXTS.audience[role], lang)}</p><p class="classroom">${pick(TEXTS.classroom, lang)}</p></header>
<main class="${figures.length ? "pair" : "solo"}"><section><h2>${pick(TEXTS.steps, lang)}</h2><ol>
${renderSteps(role, lang)}
</ol></section>
<section class="figures">
${renderFigures(figures)}
</section></main>
${renderFooter(role, lang, help)}
<script>${FIT_SCRIPT}</script>
</body></html>
`;
}
