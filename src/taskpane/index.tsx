/**
 * Boots the task pane and nothing else: loads office.js (src/taskpane/office-loader.ts), picks the workbook — live
 * Excel through Office.js, or the in-browser preview when there is no Office host — and renders <Root>.
 */
import { createRoot } from "react-dom/client";
import type { WorkbookPort } from "../workbook/port";
import type { Bilingual } from "../domain/types";
import type { PreviewWorkbook } from "../workbook/preview/preview-workbook";
import { createHttpClient } from "./api";
import { MESSAGES } from "./i18n/messages";
import { initialLocale, rememberLocale } from "./locale";
import { bootOffice } from "./office-loader";
import { Root } from "./Root";
import { renderPlannerSlot } from "./PlannerSlot";

function storageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

async function start(): Promise<void> {
  const boot = await bootOffice(window);
  const storage = storageOrNull();
  let workbook: WorkbookPort;
  let preview: PreviewWorkbook | null = null;
  let hostProblem: Bilingual | null = null;
  // only the workbook of this host is loaded: the Office.js port inside Excel, the in-browser workbook outside
  if (boot.cdnFailed) {
    hostProblem = MESSAGES["host.officeUnavailable"];
  }
  if (boot.host === "excel") {
    const [{ checkRequirements }, { createOfficeWorkbookPort }] = await Promise.all([
      import(/* webpackChunkName: "office-port" */ "../workbook/office/requirements"),
      import(/* webpackChunkName: "office-port" */ "../workbook/office/port"),
    ]);
    const requirements = checkRequirements();
    if (!requirements.ok) hostProblem = requirements.message;
    workbook = createOfficeWorkbookPort({ features: requirements.features });
  } else {
    const { createPreviewWorkbook } = await import(
      /* webpackChunkName: "preview-workbook" */ "../workbook/preview/preview-workbook"
    );
    preview = createPreviewWorkbook(storage);
    workbook = preview;
  }
  const container = document.getElementById("root");
  if (!container) return;
  document.documentElement.dataset.host = boot.host ?? "preview";
  const locale = initialLocale(window.location.search, storage, boot.displayLanguage);
  document.documentElement.lang = locale;
  createRoot(container).render(
    <Root
      host={boot.host}
      workbook={workbook}
      api={createHttpClient()}
      preview={preview}
      hostProblem={hostProblem}
      initialLocale={locale}
      onLocaleChange={(_ev, data) => {
        rememberLocale(storage, data.locale);
        document.documentElement.lang = data.locale;
      }}
      defaultEndpoint={
        window.location.protocol === "https:" || window.location.hostname === "localhost" ? window.location.origin : ""
      }
      pageOrigin={window.location.origin}
      planner={renderPlannerSlot(boot.host)}
    />,
  );
}

void start();
