/**
 * The pane's pre-rendered first screen, "the shell": the connect screen exactly as the pane's first draw shows it,
 * rendered at build time (render-shell.tsx) into taskpane.html as one <template> per language and layout, with its
 * styles in one <style>. shell-boot.ts shows the right one before the pane's bundle has been parsed, so the connect
 * form is painted at once and can be typed in; index.tsx reads what was typed, draws the real pane over it in the
 * same task (nothing typed in between is lost), then removes the shell's styles and gives back the focus and a
 * submission the person made meanwhile.
 *
 * DOM only: no React, no text catalogue (the boot script that imports this is a few kB).
 */
import type { Locale } from "../../domain/types";
import { chosenLocale, rememberLocale } from "../locale-choice";
import { officeHostHint } from "../office-loader";

export type ShellLayout = "preview" | "excel";

export const SHELL_STYLE_ID = "ct-shell-style";
const SHOWN = "data-ct-shell";
const SUBMITTED = "data-ct-shell-submitted";

export function shellTemplateId(locale: Locale, layout: ShellLayout): string {
  return `ct-shell-${locale}-${layout}`;
}

/** The address the connect form offers: the page's own origin when the endpoint serves the pane over HTTPS (or locally). */
export function defaultEndpoint(location: Pick<Location, "protocol" | "hostname" | "origin">): string {
  return location.protocol === "https:" || location.hostname === "localhost" ? location.origin : "";
}

/** What the person did in the shell before the pane ran. */
export interface ShellInput {
  endpoint: string;
  token: string;
  /** pressed "Connect" (or Enter) in the shell */
  submitted: boolean;
  focus: "endpoint" | "token" | null;
}

function fields(scope: ParentNode) {
  return {
    form: scope.querySelector("form"),
    endpoint: scope.querySelector<HTMLInputElement>("form input[type=url]"),
    token: scope.querySelector<HTMLInputElement>("form input[type=password]"),
  };
}

/**
 * Shows the shell of this page's language and layout in #root: false (the boot text stays) when the page has no
 * shell (a development build) or the pane's first draw would be dark, as the shell is the light theme's.
 */
export function showShell(doc: Document, win: Window, storage: Storage | null): boolean {
  try {
    if (win.matchMedia?.("(prefers-color-scheme: dark)").matches) return false;
  } catch {
    // no media queries: the light theme, as the pane assumes
  }
  const layout: ShellLayout = officeHostHint(win) ? "excel" : "preview";
  return mount(doc, win, storage, chosenLocale(win.location.search, storage) ?? "vi", layout);
}

function mount(doc: Document, win: Window, storage: Storage | null, locale: Locale, layout: ShellLayout): boolean {
  const root = doc.getElementById("root");
  const template = doc.getElementById(shellTemplateId(locale, layout));
  if (!root || !(template instanceof HTMLTemplateElement)) return false;
  const before = readShell(doc);
  const shell = doc.createElement("div");
  shell.setAttribute(SHOWN, `${locale}-${layout}`);
  shell.append(template.content.cloneNode(true));
  root.replaceChildren(shell);
  doc.documentElement.lang = locale;
  const { form, endpoint, token } = fields(shell);
  if (endpoint) endpoint.value = before ? before.endpoint : defaultEndpoint(win.location);
  if (token && before) token.value = before.token;
  // nothing to send yet: noted, and sent by the pane once it runs
  form?.addEventListener("submit", (ev) => {
    ev.preventDefault();
    shell.setAttribute(SUBMITTED, "");
  });
  // the language button: the other language's shell, remembered where the pane looks for the person's choice
  const other: Locale = locale === "vi" ? "en" : "vi";
  shell.querySelector(`[data-locale-switch="${other}"]`)?.addEventListener("click", () => {
    rememberLocale(storage, other);
    mount(doc, win, storage, other, layout);
  });
  return true;
}

/** What was typed in the shell, or null when no shell is shown. */
export function readShell(doc: Document): ShellInput | null {
  const shell = doc.querySelector(`#root > [${SHOWN}]`);
  if (!shell) return null;
  const { endpoint, token } = fields(shell);
  const active = doc.activeElement;
  return {
    endpoint: endpoint?.value ?? "",
    token: token?.value ?? "",
    submitted: shell.hasAttribute(SUBMITTED),
    focus: active && active === endpoint ? "endpoint" : active && active === token ? "token" : null,
  };
}

/**
 * After the pane's first draw replaced the shell: its styles go (the pane's own are in by then), the focus returns to
 * the same field, and a submission made in the shell is made in the pane's form.
 */
export function finishShell(doc: Document, input: ShellInput | null): void {
  doc.getElementById(SHELL_STYLE_ID)?.remove();
  if (!input) return;
  const { form, endpoint, token } = fields(doc.getElementById("root") ?? doc);
  const target = input.focus === "endpoint" ? endpoint : input.focus === "token" ? token : null;
  if (target) {
    target.focus();
    try {
      target.setSelectionRange(target.value.length, target.value.length);
    } catch {
      // an input type without a caret to place
    }
  }
  if (input.submitted) form?.requestSubmit();
}
