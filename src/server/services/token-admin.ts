/** Issuing, listing and revoking tokens — shared by the admin routes, `chitieu token` and `chitieu serve`. */
import type { Kysely } from "kysely";
import type { Database, TokenRow } from "../db/schema";
import { appendAudit, auditRow } from "../db/audit";
import { findTokenByIdOrPrefix, insertToken, listTokens, revokeTokenById } from "../db/tokens";
import { CT_DEMO_TOKEN_INVALID, CT_TOKEN_NOT_FOUND, CT_TOKEN_SPEC_INVALID, CT_UNIT_UNKNOWN } from "../errors";
import { generateToken, hashToken, type Role } from "../tokens";

export interface TokenInfo {
  id: string;
  role: Role;
  unitCode: string | null;
  label: string;
  createdAt: string;
  revokedAt: string | null;
  expiresAt: string | null;
  /** a demo token (the classroom's): it reaches demo units only */
  demo: boolean;
}

/** A new token's lifetime unless told otherwise: one reporting year. */
export const DEFAULT_TOKEN_DAYS = 365;
/** How long a rotated token keeps working beside its successor, unless told otherwise. */
export const DEFAULT_ROTATION_OVERLAP_DAYS = 7;

export function daysAfter(now: string, days: number): string {
  return new Date(Date.parse(now) + days * 86_400_000).toISOString();
}

export function tokenInfo(row: TokenRow): TokenInfo {
  return {
    id: row.id,
    role: row.role as Role,
    unitCode: row.unit_code,
    label: row.label,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    expiresAt: row.expires_at,
    demo: row.demo === 1,
  };
}

export async function issueToken(
  db: Kysely<Database>,
  pepper: string,
  spec: { role: Role; unitCode?: string | null; label?: string; expiresInDays?: number | null; demo?: boolean },
  now: string,
  actorTokenId: string | null = null,
): Promise<TokenInfo & { token: string }> {
  const unitCode = spec.unitCode?.trim() || null;
  if ((spec.role === "unit") !== (unitCode !== null)) throw CT_TOKEN_SPEC_INVALID({ role: spec.role, unitCode });
  // a demo token is a unit token of a demo unit, or a planner's for the classroom; never an admin's
  let demo = spec.demo === true;
  if (demo && spec.role === "admin") throw CT_DEMO_TOKEN_INVALID({ role: spec.role, unitCode });
  if (unitCode) {
    const unit = await db.selectFrom("unit").select(["code", "demo"]).where("code", "=", unitCode).executeTakeFirst();
    if (!unit) throw CT_UNIT_UNKNOWN({ unitCode });
    if (demo && unit.demo !== 1) throw CT_DEMO_TOKEN_INVALID({ role: spec.role, unitCode });
    demo = unit.demo === 1;
  }
  const { id, token } = generateToken();
  const days = spec.expiresInDays === undefined ? DEFAULT_TOKEN_DAYS : spec.expiresInDays;
  const expiresAt = days === null ? null : daysAfter(now, days);
  const label = spec.label?.normalize("NFC") ?? "";
  await insertToken(db, {
    id,
    hash: hashToken(token, pepper),
    role: spec.role,
    unit_code: unitCode,
    label,
    created_at: now,
    revoked_at: null,
    expires_at: expiresAt,
    demo: demo ? 1 : 0,
  });
  await appendAudit(
    db,
    auditRow("token.issued", now, actorTokenId, { unitCode }, { tokenId: id, role: spec.role, label, expiresAt, demo }),
  );
  return { id, token, role: spec.role, unitCode, label, createdAt: now, revokedAt: null, expiresAt, demo };
}

/**
 * Rotation without downtime: a new token for the same role, unit and label, working at once, while the old one
 * keeps working for `overlapDays` (it expires then, or earlier if it already would). Revoke the old one once every
 * client has the new one.
 */
export async function rotateToken(
  db: Kysely<Database>,
  pepper: string,
  idOrPrefix: string,
  now: string,
  opts: { overlapDays?: number; expiresInDays?: number | null } = {},
  actorTokenId: string | null = null,
): Promise<{ old: TokenInfo; issued: TokenInfo & { token: string } }> {
  const row = await findTokenByIdOrPrefix(db, idOrPrefix);
  if (!row || row.revoked_at) throw CT_TOKEN_NOT_FOUND({ tokenId: idOrPrefix });
  const issued = await issueToken(
    db,
    pepper,
    {
      role: row.role as Role,
      unitCode: row.unit_code,
      label: row.label,
      expiresInDays: opts.expiresInDays,
      demo: row.demo === 1,
    },
    now,
    actorTokenId,
  );
  const until = daysAfter(now, opts.overlapDays ?? DEFAULT_ROTATION_OVERLAP_DAYS);
  const expiresAt = row.expires_at && row.expires_at < until ? row.expires_at : until;
  await db.updateTable("token").set({ expires_at: expiresAt }).where("id", "=", row.id).execute();
  await appendAudit(
    db,
    auditRow(
      "token.rotated",
      now,
      actorTokenId,
      { unitCode: row.unit_code },
      {
        tokenId: row.id,
        successor: issued.id,
        expiresAt,
      },
    ),
  );
  return { old: tokenInfo({ ...row, expires_at: expiresAt }), issued };
}

export async function revokeToken(
  db: Kysely<Database>,
  idOrPrefix: string,
  now: string,
  actorTokenId: string | null = null,
): Promise<TokenInfo> {
  const row = await findTokenByIdOrPrefix(db, idOrPrefix);
  if (!row) throw CT_TOKEN_NOT_FOUND({ tokenId: idOrPrefix });
  const after = (await revokeTokenById(db, row.id, now)) as TokenRow;
  if (!row.revoked_at) {
    await appendAudit(
      db,
      auditRow("token.revoked", now, actorTokenId, { unitCode: row.unit_code }, { tokenId: row.id }),
    );
  }
  return tokenInfo(after);
}

export async function allTokens(db: Kysely<Database>): Promise<TokenInfo[]> {
  return (await listTokens(db)).map(tokenInfo);
}
