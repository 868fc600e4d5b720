/**
 * Loads office.js the robust way, so the same taskpane.html runs inside Excel and in a plain browser without internet:
 * - inside an Office host (detected the way office.js itself finds its host: window.external.GetHostInfo / agaveHost,
 *   the `_host_Info` query parameter, window.name's JSON `hostInfo`, or sessionStorage `hostInfoValue`), it loads
 *   Microsoft's CDN copy, as Microsoft documents it. Only a development build falls back to the local copy under
 *   office/ when the CDN cannot be reached; a production build says that office.js could not be loaded (`cdnFailed`);
 * - in a plain browser none of those sources exists, so office.js itself would find no host: the pane skips it and
 *   starts the preview at once. `?office=load` loads the local copy anyway (served with o15apptofilemappingtable.js,
 *   without which Office.onReady never resolves) — the browser tests use it to check that copy answers host null.
 * Every step has a time limit, so the pane always starts: no Office (or no host) means the browser preview.
 */

export const OFFICE_CDN_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const OFFICE_LOCAL_URL = "office/office.js";

export type OfficeSource = "cdn" | "local" | "preloaded" | "skipped" | "absent";

export interface OfficeBoot {
  /** "excel" when running in Excel; null in a plain browser (the preview) */
  host: "excel" | null;
  source: OfficeSource;
  /** Office.context.displayLanguage when a host gave one, e.g. "vi-VN" */
  displayLanguage: string | null;
  /** true when an Office host was there but Microsoft's CDN copy of office.js could not be loaded */
  cdnFailed?: boolean;
}

export interface OfficeLoaderOptions {
  cdnUrl?: string;
  localUrl?: string;
  scriptTimeoutMs?: number;
  readyTimeoutMs?: number;
  /** load office.js even when nothing says an Office host is there (default: from the `office=load` query parameter) */
  forceLoad?: boolean;
  /** inside Office, try the local copy when the CDN fails (default: development builds only) */
  localFallback?: boolean;
}

type HostWindow = Window & { agaveHost?: unknown; Office?: typeof Office; external?: unknown };

/** True when this page looks hosted by Office (same sources office.js reads its host information from). */
export function officeHostHint(win: HostWindow): boolean {
  try {
    if (typeof win.agaveHost !== "undefined") return true;
    const ext = win.external as { GetHostInfo?: unknown; GetContext?: unknown } | undefined;
    if (ext && (typeof ext.GetHostInfo !== "undefined" || typeof ext.GetContext !== "undefined")) return true;
  } catch {
    // some hosts throw on window.external access; that is no hint
  }
  // Office 2016+ passes _host_Info; Office Online 2013 hosts pass _xdm_Info
  if (/[?&](_host_Info|_xdm_Info)=/i.test(win.location.search)) return true;
  try {
    const fromName = JSON.parse(win.name) as { hostInfo?: unknown } | null;
    if (fromName && fromName.hostInfo) return true;
  } catch {
    // window.name is not JSON
  }
  try {
    if (win.sessionStorage.getItem("hostInfoValue")) return true;
  } catch {
    // storage disabled
  }
  return false;
}

/** Adds a script tag; resolves when it loaded, rejects on error or after timeoutMs. */
export function loadScript(doc: Document, src: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = doc.createElement("script");
    script.src = src;
    script.async = true;
    const timer = setTimeout(() => {
      script.onload = script.onerror = null;
      reject(new Error(`timeout loading ${src}`));
    }, timeoutMs);
    script.onload = () => {
      clearTimeout(timer);
      resolve();
    };
    script.onerror = () => {
      clearTimeout(timer);
      script.remove();
      reject(new Error(`cannot load ${src}`));
    };
    doc.head.appendChild(script);
  });
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
    );
  });
}

export async function bootOffice(win: HostWindow = window, options: OfficeLoaderOptions = {}): Promise<OfficeBoot> {
  const hinted = officeHostHint(win);
  const forceLoad = options.forceLoad ?? /[?&]office=load\b/.test(win.location.search);
  if (!hinted && !forceLoad && typeof win.Office === "undefined") {
    return { host: null, source: "skipped", displayLanguage: null };
  }
  const scriptTimeout = options.scriptTimeoutMs ?? (hinted ? 8000 : 3000);
  const readyTimeout = options.readyTimeoutMs ?? (hinted ? 10000 : 2000);
  let source: OfficeSource = typeof win.Office === "undefined" ? "absent" : "preloaded";
  if (source === "absent") {
    const localFallback = options.localFallback ?? process.env.NODE_ENV !== "production";
    const candidates: [OfficeSource, string][] = hinted
      ? [
          ["cdn", options.cdnUrl ?? OFFICE_CDN_URL],
          ...(localFallback ? [["local", options.localUrl ?? OFFICE_LOCAL_URL] as [OfficeSource, string]] : []),
        ]
      : [["local", options.localUrl ?? OFFICE_LOCAL_URL]];
    for (const [kind, url] of candidates) {
      try {
        await loadScript(win.document, url, scriptTimeout);
        source = kind;
        break;
      } catch {
        // try the next copy
      }
    }
  }
  const office = win.Office;
  if (source === "absent" || typeof office === "undefined")
    return hinted
      ? { host: null, source: "absent", displayLanguage: null, cdnFailed: true }
      : { host: null, source: "absent", displayLanguage: null };
  const info = await withTimeout(office.onReady(), readyTimeout);
  const host = info && String(info.host) === "Excel" ? "excel" : null;
  let displayLanguage: string | null = null;
  try {
    displayLanguage = host ? (office.context?.displayLanguage ?? null) : null;
  } catch {
    displayLanguage = null;
  }
  return { host, source, displayLanguage };
}
