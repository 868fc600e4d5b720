/**
 * Serving configuration: flags and environment resolved into one ServeConfig, checked before anything listens
 * (TLS pair, database settings, trusted proxies, worker count, the production safety check).
 */
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import tls from "node:tls";
import type { Bilingual } from "../domain/types";
import { DEFAULT_ORIGIN } from "./app";
import { resolveDbConfig, type DbConfig } from "./db/connect";
import { CT_CONFIG_INVALID } from "./errors";
import { DEFAULT_MIN_FREE_BYTES } from "./routes/health";
import { DEFAULT_PLAN_YEARS, parsePlanYears, type PlanYears } from "./periods";
import { DEV_PEPPER, resolvePepper } from "./tokens";
import { HISTORY_THRESHOLDS, parseHistoryThresholds, type HistoryThresholds } from "../domain/rules/history";
import { resolveReminderConfig, type ReminderConfig } from "./reminder-config";

export interface ServeFlags {
  port?: string;
  host?: string;
  db?: string;
  tlsKey?: string;
  tlsCert?: string;
  staticRoot?: string;
  /** true (the loopback proxy), or the trusted proxies: addresses/CIDRs, comma separated, or a hop count */
  behindProxy?: boolean | string;
  /** processes answering on the one port (cluster); "auto" = one per CPU */
  workers?: string;
}

export interface ServeConfig {
  port: number;
  host: string;
  db: DbConfig;
  tls: { key: Buffer; cert: Buffer; keyFile: string; certFile: string } | null;
  staticRoot: string | null;
  allowedOrigins: string[];
  pepper: string;
  production: boolean;
  /** a proxy in front terminates HTTPS (trustedProxies is set) */
  behindProxy: boolean;
  /** whose X-Forwarded-For is believed: addresses/CIDRs or a hop count; null = nobody's */
  trustedProxies: string[] | number | null;
  logLevel: string;
  workers: number;
  /** free bytes the database's disk keeps before readiness turns false */
  minFreeBytes: number;
  /** the plan's years (CHITIEU_PLAN_YEARS, default 2026-2030): periods outside them are refused */
  planYears: PlanYears;
  /** the history checks' thresholds (CHITIEU_HISTORY_THRESHOLDS, e.g. `maxZ=4,maxRatio=5`; default HISTORY_THRESHOLDS) */
  historyThresholds: HistoryThresholds;
  /** e-mail reminders (CHITIEU_SMTP_URL …); null or absent: off */
  reminders?: ReminderConfig | null;
}

/** The values CHITIEU_ENV may take; anything else is refused rather than silently run as development. */
export const KNOWN_ENVS = ["production", "development", "test"] as const;
/** The shortest token pepper production accepts, in bytes. */
export const MIN_PEPPER_BYTES = 32;

/** The package root (where package.json is), found from this file whether it runs from src/ or dist/. */
export function packageRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

function truthy(v: string | undefined): boolean {
  return v !== undefined && /^(1|true|yes|on)$/i.test(v.trim());
}

function readPem(file: string, setting: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch {
    throw CT_CONFIG_INVALID({ setting, value: file, expected: "a readable PEM file" });
  }
}

export function resolveServeConfig(flags: ServeFlags, env: NodeJS.ProcessEnv, cwd: string): ServeConfig {
  const portText = flags.port ?? env.CHITIEU_PORT ?? env.PORT ?? "3000";
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw CT_CONFIG_INVALID({ setting: "--port", value: portText, expected: "a whole number from 0 to 65535" });
  }
  const keyFile = flags.tlsKey ?? env.CHITIEU_TLS_KEY;
  const certFile = flags.tlsCert ?? env.CHITIEU_TLS_CERT;
  if (Boolean(keyFile) !== Boolean(certFile)) {
    throw CT_CONFIG_INVALID({
      setting: keyFile ? "--tls-cert / CHITIEU_TLS_CERT" : "--tls-key / CHITIEU_TLS_KEY",
      value: "",
      expected: "both the key and the certificate, or neither",
    });
  }
  const tls =
    keyFile && certFile
      ? {
          key: readPem(path.resolve(cwd, keyFile), "--tls-key"),
          cert: readPem(path.resolve(cwd, certFile), "--tls-cert"),
          keyFile: path.resolve(cwd, keyFile),
          certFile: path.resolve(cwd, certFile),
        }
      : null;
  if (tls) checkTlsPair(tls);
  const chitieuEnv = env.CHITIEU_ENV?.trim();
  if (chitieuEnv && !(KNOWN_ENVS as readonly string[]).includes(chitieuEnv)) {
    throw CT_CONFIG_INVALID({ setting: "CHITIEU_ENV", value: chitieuEnv, expected: KNOWN_ENVS.join(", ") });
  }
  const db = resolveDbConfig(env, { db: flags.db, cwd });
  checkDbConfig(db, env);
  const minFreeText = env.CHITIEU_MIN_FREE_MB;
  const minFreeMb = minFreeText === undefined ? DEFAULT_MIN_FREE_BYTES / 1024 / 1024 : Number(minFreeText);
  if (!Number.isFinite(minFreeMb) || minFreeMb < 0) {
    throw CT_CONFIG_INVALID({
      setting: "CHITIEU_MIN_FREE_MB",
      value: String(minFreeText),
      expected: "a number of megabytes, 0 or more",
    });
  }
  const planText = env.CHITIEU_PLAN_YEARS;
  const planYears = planText === undefined ? DEFAULT_PLAN_YEARS : parsePlanYears(planText);
  if (!planYears) {
    throw CT_CONFIG_INVALID({
      setting: "CHITIEU_PLAN_YEARS",
      value: String(planText),
      expected: "two years such as 2026-2030",
    });
  }
  const historyText = env.CHITIEU_HISTORY_THRESHOLDS;
  const historyThresholds = historyText === undefined ? HISTORY_THRESHOLDS : parseHistoryThresholds(historyText);
  if (!historyThresholds) {
    throw CT_CONFIG_INVALID({
      setting: "CHITIEU_HISTORY_THRESHOLDS",
      value: String(historyText),
      expected: "name=number pairs among minPeriods, maxZ, flatChange, maxRatio, minChange, such as maxZ=4,maxRatio=5",
    });
  }
  const trustedProxies = resolveTrustedProxies(flags.behindProxy, env);
  const staticRoot = flags.staticRoot ?? env.CHITIEU_STATIC_ROOT ?? path.join(packageRoot(), "dist", "web");
  const origins = (env.CHITIEU_ALLOWED_ORIGIN ?? DEFAULT_ORIGIN)
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean);
  return {
    port,
    host: flags.host ?? env.CHITIEU_HOST ?? "127.0.0.1",
    db,
    tls,
    staticRoot: path.resolve(cwd, staticRoot),
    allowedOrigins: origins,
    pepper: resolvePepper(env),
    production: chitieuEnv === "production" || env.NODE_ENV === "production",
    behindProxy: trustedProxies !== null,
    trustedProxies,
    logLevel: env.CHITIEU_LOG ?? "warn",
    workers: resolveWorkers(flags.workers ?? env.CHITIEU_WORKERS),
    minFreeBytes: Math.round(minFreeMb * 1024 * 1024),
    planYears,
    historyThresholds,
    reminders: resolveReminderConfig(env),
  };
}

const PROXY_PRESETS = new Set(["loopback", "linklocal", "uniquelocal"]);

/**
 * Whose X-Forwarded-For to believe. `--behind-proxy <list|hops>` or CHITIEU_TRUSTED_PROXIES: IP addresses or CIDR
 * ranges (or the presets loopback, linklocal, uniquelocal), comma separated, or the number of proxy hops in front.
 * A bare `--behind-proxy` or CHITIEU_BEHIND_PROXY=1 trusts a proxy on this machine only (loopback). Nothing set:
 * the socket's peer is the client and X-Forwarded-For is ignored.
 */
export function resolveTrustedProxies(
  flag: boolean | string | undefined,
  env: NodeJS.ProcessEnv,
): string[] | number | null {
  const text =
    typeof flag === "string" && flag !== ""
      ? flag
      : ((env.CHITIEU_TRUSTED_PROXIES?.trim() || undefined) ??
        (flag === true || truthy(env.CHITIEU_BEHIND_PROXY) ? "loopback" : undefined));
  if (text === undefined) return null;
  const setting = typeof flag === "string" ? "--behind-proxy" : "CHITIEU_TRUSTED_PROXIES";
  const expected = "IP addresses or CIDR ranges (or loopback), comma separated, or a number of hops from 1 to 10";
  if (/^\d+$/.test(text.trim())) {
    const hops = Number(text);
    if (hops < 1 || hops > 10) throw CT_CONFIG_INVALID({ setting, value: text, expected });
    return hops;
  }
  const list = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const item of list) {
    const [address, bits, extra] = item.split("/");
    const family = net.isIP(address ?? "");
    const okBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!(PROXY_PRESETS.has(item) || (family !== 0 && okBits && extra === undefined))) {
      throw CT_CONFIG_INVALID({ setting, value: item, expected });
    }
  }
  if (list.length === 0) throw CT_CONFIG_INVALID({ setting, value: text, expected });
  return list;
}

/** A key that does not match its certificate (or the two files swapped) is refused here, before any worker starts. */
function checkTlsPair(pair: NonNullable<ServeConfig["tls"]>): void {
  try {
    tls.createSecureContext({ key: pair.key, cert: pair.cert });
  } catch (e) {
    throw CT_CONFIG_INVALID({
      setting: "--tls-key / --tls-cert",
      value: `${pair.keyFile}, ${pair.certFile}`,
      expected: `a PEM private key and the PEM certificate made for it (${(e as Error).message.replace(/^error:[0-9A-F]+:/i, "")})`,
    });
  }
}

function checkDbConfig(db: DbConfig, env: NodeJS.ProcessEnv): void {
  if (db.url) {
    let protocol = "";
    try {
      protocol = new URL(db.url).protocol;
    } catch {
      /* reported below */
    }
    if (protocol !== "postgres:" && protocol !== "postgresql:") {
      throw CT_CONFIG_INVALID({
        setting: "DATABASE_URL",
        value: redactSecret(db.url),
        expected: "postgres://user:password@host:5432/database",
      });
    }
  }
  const pool = env.CHITIEU_PG_POOL;
  if (pool !== undefined && (!Number.isInteger(Number(pool)) || Number(pool) < 1 || Number(pool) > 1000)) {
    throw CT_CONFIG_INVALID({ setting: "CHITIEU_PG_POOL", value: pool, expected: "a whole number from 1 to 1000" });
  }
}

function redactSecret(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@]*@/, "//$1:***@");
}

function resolveWorkers(text: string | undefined): number {
  if (!text) return 1;
  if (text === "auto") return Math.max(1, os.availableParallelism());
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    throw CT_CONFIG_INVALID({ setting: "--workers", value: text, expected: "a whole number from 1 to 64, or auto" });
  }
  return n;
}

/** Why this configuration is unsafe in production (empty when it is fine). */
export function productionProblems(cfg: ServeConfig): Bilingual[] {
  const problems: Bilingual[] = [];
  if (cfg.pepper === DEV_PEPPER) {
    problems.push({
      vi: "CHITIEU_TOKEN_PEPPER chưa đặt (đang dùng giá trị mặc định cho máy phát triển)",
      en: "CHITIEU_TOKEN_PEPPER is not set (the development default is in use)",
    });
  }
  if (cfg.pepper !== DEV_PEPPER && Buffer.byteLength(cfg.pepper, "utf8") < MIN_PEPPER_BYTES) {
    problems.push({
      vi: `CHITIEU_TOKEN_PEPPER quá ngắn (${Buffer.byteLength(cfg.pepper, "utf8")} byte): cần ít nhất ${MIN_PEPPER_BYTES} byte ngẫu nhiên, ví dụ “openssl rand -hex 32”`,
      en: `CHITIEU_TOKEN_PEPPER is too short (${Buffer.byteLength(cfg.pepper, "utf8")} bytes): use at least ${MIN_PEPPER_BYTES} random bytes, e.g. “openssl rand -hex 32”`,
    });
  }
  const insecure = cfg.allowedOrigins.filter((o) => o === "null" || !/^https:\/\/[^*]+$/i.test(o));
  if (insecure.length > 0 && !cfg.allowedOrigins.some((o) => o.includes("*"))) {
    problems.push({
      vi: `CHITIEU_ALLOWED_ORIGIN chỉ nhận địa chỉ https:// của add-in; không nhận: ${insecure.join(", ")}`,
      en: `CHITIEU_ALLOWED_ORIGIN takes only the add-in's https:// origins; refused: ${insecure.join(", ")}`,
    });
  }
  if (!cfg.tls && !cfg.behindProxy) {
    problems.push({
      vi: "không có HTTPS: đặt CHITIEU_TLS_KEY và CHITIEU_TLS_CERT, hoặc CHITIEU_BEHIND_PROXY=1 khi proxy/cân bằng tải lo HTTPS",
      en: "no HTTPS: set CHITIEU_TLS_KEY and CHITIEU_TLS_CERT, or CHITIEU_BEHIND_PROXY=1 when a proxy / load balancer terminates HTTPS",
    });
  }
  if (cfg.allowedOrigins.some((o) => o === "*" || o.includes("*"))) {
    problems.push({
      vi: "CHITIEU_ALLOWED_ORIGIN chứa “*”: chỉ cho phép địa chỉ của add-in",
      en: "CHITIEU_ALLOWED_ORIGIN contains “*”: allow only the add-in's own origin",
    });
  }
  return problems;
}
