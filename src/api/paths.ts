/**
 * Where the API lives: its prefix, the paths of its resources, and the one way to read an endpoint address that a
 * person typed ("https://host:3000/", "https://host:3000/api/v1" → "https://host:3000").
 */
import { ApiError } from "./client-error";

export const API_PREFIX = "/api/v1";

const seg = encodeURIComponent;

/** Paths under API_PREFIX, with their parameters encoded. */
export const paths = {
  me: "/me",
  meApplicability: "/me/applicability",
  applicability: "/applicability",
  catalog: "/catalog",
  units: "/units",
  periods: "/periods",
  submissions: "/submissions",
  completeness: "/completeness",
  consolidation: "/consolidation",
  series: "/series",
  consolidationRange: "/consolidation/range",
  demoReset: "/demo/reset",
  tasks: "/tasks",
  taskBoard: "/tasks/board",
  demoPopulate: "/demo/populate",
  report: (unitCode: string, period: string) => `/reports/${seg(unitCode)}/${seg(period)}`,
  reportHistory: (unitCode: string, period: string) => `/reports/${seg(unitCode)}/${seg(period)}/history`,
  board: "/board",
  bulkAccept: "/reports/accept",
  reminders: "/reminders",
  reportDiff: (unitCode: string, period: string) => `/reports/${seg(unitCode)}/${seg(period)}/diff`,
  reportAction: (unitCode: string, period: string, action: "return" | "accept" | "unlock") =>
    `/reports/${seg(unitCode)}/${seg(period)}/${action}`,
  reminderContact: (unitCode: string) => `/units/${seg(unitCode)}/reminder-contact`,
} as const;

/** A query string ("?a=1&b=2") of the parameters that are set, in the order given; "" when none is. */
export function queryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === "") continue;
    parts.push(`${seg(k)}=${seg(String(v))}`);
  }
  return parts.length ? `?${parts.join("&")}` : "";
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]";
}

/**
 * Trims, drops a trailing slash or /api/v1, and checks the address; throws ApiError "invalid_url" (not an http(s)
 * address) or "insecure" (plain HTTP to another host from a page served over HTTPS, which the browser would block).
 * `pageOrigin` is the calling page's origin; a command-line client has none.
 */
export function normalizeEndpoint(raw: string, pageOrigin: string | null = null): string {
  const trimmed = raw
    .trim()
    .replace(/\/+$/, "")
    .replace(/\/api\/v1$/i, "");
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new ApiError("invalid_url", raw.trim());
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new ApiError("invalid_url", raw.trim());
  if (url.protocol === "http:" && pageOrigin?.startsWith("https:") && !isLoopback(url.hostname)) {
    throw new ApiError("insecure", trimmed);
  }
  return `${url.protocol}//${url.host}${url.pathname === "/" ? "" : url.pathname.replace(/\/+$/, "")}`;
}
