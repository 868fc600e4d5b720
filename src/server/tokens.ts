/**
 * API tokens: `ct_<id>_<secret>`. The id (10 hex digits) names the token in lists, logs and the audit trail; only
 * sha256(pepper, token) is stored. The pepper comes from CHITIEU_TOKEN_PEPPER (a dev default outside production).
 */
import { createHash, randomBytes } from "node:crypto";

export type Role = "unit" | "planner" | "admin";
export const ROLES: readonly Role[] = ["unit", "planner", "admin"];

export const DEV_PEPPER = "chitieu-dev-pepper-change-me";

export interface NewToken {
  id: string;
  token: string;
}

const TOKEN_PATTERN = /^ct_([0-9a-f]{10})_([A-Za-z0-9_-]{43})$/;

export function generateToken(): NewToken {
  const id = randomBytes(5).toString("hex");
  return { id, token: `ct_${id}_${randomBytes(32).toString("base64url")}` };
}

/** The token's id when the text looks like a Chỉ tiêu token, else null (cheap check before any database work). */
export function tokenId(text: string): string | null {
  const m = TOKEN_PATTERN.exec(text);
  return m ? (m[1] as string) : null;
}

export function hashToken(token: string, pepper: string): string {
  return createHash("sha256").update(pepper).update("\u0000").update(token).digest("hex");
}

export function resolvePepper(env: NodeJS.ProcessEnv): string {
  const p = env.CHITIEU_TOKEN_PEPPER;
  return p && p.length > 0 ? p : DEV_PEPPER;
}
