/**
 * Binds the pane to its host after the first screen is drawn: office.js (office-loader.ts), then the workbook of this
 * host — the Office.js port inside Excel, the in-browser preview workbook outside it. Only that host's chunk is loaded.
 */
import type { Bilingual } from "../domain/types";
import type { WorkbookPort } from "../workbook/port";
import type { PreviewWorkbook } from "../workbook/preview/preview-workbook";
import { MESSAGES } from "./i18n/messages";
import { bootOffice, officeHostHint } from "./office-loader";

export interface HostBinding {
  host: "excel" | null;
  workbook: WorkbookPort;
  /** outside Excel: the preview workbook shown beside the pane */
  preview: PreviewWorkbook | null;
  /** a problem of the host (office.js not loaded, an Excel too old), shown in both languages */
  hostProblem: Bilingual | null;
  /** Office's display language, e.g. "vi-VN", when a host gave one */
  displayLanguage: string | null;
}

type HostWindow = Parameters<typeof officeHostHint>[0];

function loadPreview() {
  return import(/* webpackChunkName: "preview-workbook" */ "../workbook/preview/preview-workbook");
}

export async function bindHost(win: HostWindow, storage: Storage | null): Promise<HostBinding> {
  // outside Office the preview workbook is fetched alongside office.js (when ?office=load asks for it)
  const preview = officeHostHint(win) ? null : loadPreview();
  preview?.catch(() => undefined);
  const boot = await bootOffice(win);
  let hostProblem: Bilingual | null = boot.cdnFailed ? MESSAGES["host.officeUnavailable"] : null;
  if (boot.host === "excel") {
    const [{ checkRequirements }, { createOfficeWorkbookPort }] = await Promise.all([
      import(/* webpackChunkName: "office-port" */ "../workbook/office/requirements"),
      import(/* webpackChunkName: "office-port" */ "../workbook/office/port"),
    ]);
    const requirements = checkRequirements();
    if (!requirements.ok) hostProblem = requirements.message;
    const workbook = createOfficeWorkbookPort({ features: requirements.features });
    return { host: "excel", workbook, preview: null, hostProblem, displayLanguage: boot.displayLanguage };
  }
  const { createPreviewWorkbook } = await (preview ?? loadPreview());
  const workbook = createPreviewWorkbook(storage);
  return { host: null, workbook, preview: workbook, hostProblem, displayLanguage: boot.displayLanguage };
}
