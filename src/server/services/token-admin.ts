/** Issuing, listing and revoking tokens — shared by the admin routes, `chitieu token` and `chitieu serve`. */
import type { Kysely } from "kysely";
import type { Database, TokenRow } from "../db/schema";
import { appendAudit, auditRow } from "../db/audit";
import { findTokenByIdOrPrefix, insertToken, listTokens, revokeTokenById } from "../db/tokens";
import { CT_TOKEN_NOT_FOUND, CT_TOKEN_SPEC_INVALID, CT_UNIT_UNKNOWN } from "../errors";
import { generateToken, hashToken, type Role } from "../tokens";

export interface TokenInfo {
  id: string;
  role: Role;
  unitCode: string | null;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

export function tokenInfo(row: TokenRow): TokenInfo {
  return {
    id: row.id,
    role: row.role as Role,
    unitCode: row.unit_code,
    label: row.label,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

export async function issueToken(
  db: Kysely<Database>,
  pepper: string,
  spec: { role: Role; unitCode?: string | null; label?: string },
  now: string,
  actorTokenId: string | null = null,
): Promise<TokenInfo & { token: string }> {
  const unitCode = spec.unitCode?.trim() || null;
  if ((spec.role === "unit") !== (unitCode !== null)) throw CT_TOKEN_SPEC_INVALID({ role: spec.role, unitCode });
  if (unitCode) {
    const unit = await db.selectFrom("unit").select("code").where("code", "=", unitCode).executeTakeFirst();
    if (!unit) throw CT_UNIT_UNKNOWN({ unitCode });
  }
  const { id, token } = generateToken();
  const label = spec.label?.normalize("NFC") ?? "";
  await insertToken(db, {
    id,
    hash: hashToken(token, pepper),
    role: spec.role,
    unit_code: unitCode,
    label,
    created_at: now,
    revoked_at: null,
  });
  await appendAudit(
    db,
    auditRow("token.issued", now, actorTokenId, { unitCode }, { tokenId: id, role: spec.role, label }),
  );
  return { id, token, role: spec.role, unitCode, label, createdAt: now, revokedAt: null };
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
