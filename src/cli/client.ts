/**
 * The command line's client for the endpoint. It uses node:https rather than fetch because Node 20's fetch cannot be
 * given a CA certificate without the undici package (not a dependency): `--ca <file>` must work for the development
 * certificate. NODE_EXTRA_CA_CERTS works too, as for any Node program.
 */
import http from "node:http";
import https from "node:https";
import type { z } from "zod";
import { API_PREFIX, ProblemAnswer, isApiError, normalizeEndpoint } from "../api";
import { CT_ENDPOINT_UNREACHABLE, CT_TLS_UNTRUSTED, CT_UNEXPECTED_RESPONSE } from "../server/errors";
import type { Bilingual } from "../domain/types";
import { printBilingual, type CliIo } from "./io";

export interface EndpointClientOptions {
  endpoint: string;
  token?: string;
  ca?: Buffer;
  timeoutMs?: number;
  /** sent as X-Chitieu-Client (kept with every stored revision) */
  clientName?: string;
}

export interface EndpointResponse {
  status: number;
  contentType: string;
  json: unknown;
  text: string;
}

const TLS_CODES = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

export interface EndpointClient {
  readonly endpoint: string;
  request(method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<EndpointResponse>;
}

export function createEndpointClient(opts: EndpointClientOptions): EndpointClient {
  let endpoint: string;
  try {
    endpoint = normalizeEndpoint(opts.endpoint);
  } catch (e) {
    if (!isApiError(e)) throw e;
    throw CT_ENDPOINT_UNREACHABLE({ endpoint: opts.endpoint, reason: "not an http(s) address" });
  }
  const base = new URL(endpoint);
  const agent = base.protocol === "https:" ? new https.Agent({ ca: opts.ca, keepAlive: false }) : undefined;
  return {
    endpoint,
    request(method, path, body) {
      const url = new URL(`${endpoint}${API_PREFIX}${path}`);
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body), "utf8");
      const headers: Record<string, string> = { accept: "application/json, application/problem+json" };
      if (opts.token) headers.authorization = `Bearer ${opts.token.trim()}`;
      if (opts.clientName) headers["x-chitieu-client"] = opts.clientName;
      if (payload) {
        headers["content-type"] = "application/json";
        headers["content-length"] = String(payload.length);
      }
      const lib = url.protocol === "https:" ? https : http;
      return new Promise<EndpointResponse>((resolve, reject) => {
        const req = lib.request(url, { method, headers, agent, timeout: opts.timeoutMs ?? 30_000 }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            const contentType = String(res.headers["content-type"] ?? "");
            let json: unknown = undefined;
            if (/json/.test(contentType) && text) {
              try {
                json = JSON.parse(text);
              } catch {
                json = undefined;
              }
            }
            if (json === undefined && res.statusCode !== 204) {
              reject(CT_UNEXPECTED_RESPONSE({ endpoint, status: res.statusCode ?? 0, body: text.slice(0, 200) }));
              return;
            }
            resolve({ status: res.statusCode ?? 0, contentType, json, text });
          });
          res.on("error", (e) => reject(CT_ENDPOINT_UNREACHABLE({ endpoint, reason: e.message })));
        });
        req.on("timeout", () => req.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })));
        req.on("error", (e: NodeJS.ErrnoException) => {
          const code = e.code ?? "";
          if (TLS_CODES.has(code)) reject(CT_TLS_UNTRUSTED({ endpoint, reason: code }));
          else reject(CT_ENDPOINT_UNREACHABLE({ endpoint, reason: code || e.message }));
        });
        if (payload) req.write(payload);
        req.end();
      });
    },
  };
}

/** The problem+json of a refused request, or null when the answer is not one. */
export function problemOf(res: EndpointResponse): {
  code: string;
  message: { vi: string; en: string };
  issues: unknown[];
  details: Record<string, unknown>;
} | null {
  const parsed = ProblemAnswer.safeParse(res.json);
  if (!parsed.success) return null;
  const { code, message, issues, details } = parsed.data;
  return { code, message, issues: issues ?? [], details: details ?? {} };
}

/** Says on stderr why the endpoint refused a request — its problem (code and message), else the HTTP status; exit 1. */
export function refusal(io: CliIo, res: EndpointResponse): number {
  const problem = problemOf(res);
  if (problem) printBilingual(io.stderr, problem.message, `✖ ${problem.code}: `);
  else
    printBilingual(
      io.stderr,
      { vi: `Máy chủ từ chối (HTTP ${res.status}).`, en: `The endpoint refused (HTTP ${res.status}).` },
      "✖ ",
    );
  return 1;
}

/**
 * A successful answer read with its schema from src/api: the typed body, or CT_UNEXPECTED_RESPONSE naming the
 * endpoint and the status when the body is not what the contract says.
 */
export function answerOf<S extends z.ZodType>(client: EndpointClient, res: EndpointResponse, schema: S): z.output<S> {
  const parsed = schema.safeParse(res.json);
  if (parsed.success) return parsed.data;
  throw CT_UNEXPECTED_RESPONSE({ endpoint: client.endpoint, status: res.status, body: res.text.slice(0, 200) });
}

/**
 * A failure to reach the endpoint at all (no connection, an untrusted certificate, an answer that is not Chỉ tiêu's):
 * printed in both languages, and exit code 3. Anything else is the caller's to handle (null).
 */
export function transportFailure(io: { stderr: NodeJS.WritableStream }, e: unknown): number | null {
  const code = (e as { code?: string }).code;
  if (code !== "CT_ENDPOINT_UNREACHABLE" && code !== "CT_TLS_UNTRUSTED" && code !== "CT_UNEXPECTED_RESPONSE")
    return null;
  printBilingual(io.stderr, (e as { messages: Bilingual }).messages, "✖ ");
  return 3;
}
