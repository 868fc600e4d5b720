/**
 * Boots the task pane: takes over the pre-rendered first screen (shell/, already painted and maybe typed in) and
 * draws <Root> with the connect screen at once, in the same task, then binds the host (host-binding.ts) — office.js
 * and the Office.js port inside Excel, the in-browser preview workbook outside it — and draws again with it. Until
 * then the pane's workbook is a deferred one (deferred-workbook.ts) whose calls wait for the real port.
 */
import { createRoot } from "react-dom/client";
import { flushSync } from "react-dom";
import type { Locale } from "../domain/types";
import { createHttpClient } from "./api";
import { deferredWorkbook } from "./deferred-workbook";
import { bindHost, type HostBinding } from "./host-binding";
import { browserStorage, initialLocale, rememberLocale } from "./locale";
import { officeHostHint } from "./office-loader";
import { Root } from "./Root";
import { renderPlannerSlot } from "./PlannerSlot";
import { defaultEndpoint, finishShell, readShell } from "./shell/shell-dom";

/** Resolves in the next animation frame (the one that paints the first screen), or after 100 ms if frames are paused. */
function afterFirstFrame(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function start(): void {
  const container = document.getElementById("root");
  if (!container) return;
  const storage = browserStorage();
  const workbook = deferredWorkbook();
  // inside Office the host is Excel once office.js says so; outside it, the preview (its sheet beside the pane)
  const inOffice = officeHostHint(window);
  const root = createRoot(container);
  const api = createHttpClient();
  let drawnLocale: Locale | null = null;
  const offered = defaultEndpoint(window.location);
  // what the person typed in the shell before this ran (read in the same task as the draw below: nothing is lost)
  const shell = readShell(document);
  const typed =
    shell && (shell.endpoint !== offered || shell.token !== "")
      ? { endpoint: shell.endpoint, token: shell.token }
      : null;
  const draw = (locale: Locale, bound: HostBinding | null) => {
    if (locale !== drawnLocale) document.documentElement.lang = locale;
    drawnLocale = locale;
    root.render(
      <Root
        host={bound?.host ?? null}
        workbook={workbook}
        api={api}
        preview={bound?.preview ?? null}
        previewing={bound ? bound.host === null : !inOffice}
        hostProblem={bound?.hostProblem ?? null}
        initialLocale={locale}
        onLocaleChange={(_ev, data) => {
          rememberLocale(storage, data.locale);
          document.documentElement.lang = data.locale;
        }}
        defaultEndpoint={offered}
        typed={typed}
        pageOrigin={window.location.origin}
        planner={renderPlannerSlot(bound ? bound.host : inOffice ? "excel" : null)}
      />,
    );
  };
  if (!inOffice) document.documentElement.dataset.host = "preview";
  // the first screen, drawn before anything else runs
  flushSync(() => draw(initialLocale(window.location.search, storage, null), null));
  finishShell(document, shell);
  document.documentElement.dataset.boot = "drawn";
  // office.js and the host's workbook are fetched once that frame is on its way, so their scripts do not hold it up
  void afterFirstFrame()
    .then(() => bindHost(window, storage))
    .then(
      (bound) => {
        workbook.bind(bound.workbook);
        document.documentElement.dataset.host = bound.host ?? "preview";
        // Office's display language counts when neither ?lang nor the person's own choice says otherwise
        draw(initialLocale(window.location.search, storage, bound.displayLanguage), bound);
        document.documentElement.dataset.boot = "bound";
      },
      (e: unknown) => {
        workbook.fail(e);
        document.documentElement.dataset.boot = "failed";
      },
    );
}

start();
