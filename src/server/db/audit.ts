import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database, NewAuditEventRow } from "./schema";

export type AuditAction =
  | "submission.stored"
  | "report.returned"
  | "report.accepted"
  | "report.unlocked"
  | "token.issued"
  | "token.revoked"
  | "token.rotated"
  | "demo.reset"
  | "demo.populated"
  | "catalog.imported"
  | "applicability.imported"
  | "unit_targets.imported"
  | "unit.saved"
  | "unit.retired"
  | "unit.reinstated"
  | "tasks.imported"
  | "task.edited";

export function auditRow(
  action: AuditAction,
  at: string,
  tokenId: string | null,
  target: { unitCode?: string | null; period?: string | null },
  details: Record<string, unknown> = {},
): NewAuditEventRow {
  return {
    id: randomUUID(),
    at,
    token_id: tokenId,
    action,
    unit_code: target.unitCode ?? null,
    period: target.period ?? null,
    details: JSON.stringify(details),
  };
}

export async function appendAudit(db: Kysely<Database>, row: NewAuditEventRow): Promise<void> {
  await db.insertInto("audit_event").values(row).execute();
}
