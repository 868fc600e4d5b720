import type { Migration, MigrationProvider } from "kysely";
import * as m001 from "./2026_11_22_001_create_unit_and_catalog";
import * as m002 from "./2026_11_22_002_create_token";
import * as m003 from "./2026_11_22_003_create_submission";
import * as m004 from "./2026_11_22_004_create_audit_event";
import * as m005 from "./2026_11_22_005_add_report_state_latest_contact";
import * as m006 from "./2026_11_22_006_add_unit_retired_from";
import * as m101 from "./2026_12_03_101_add_token_expires_at";
import * as m201 from "./2026_12_03_201_create_applicability";
import * as m202 from "./2026_12_03_202_create_unit_target";
import * as m301 from "./2026_12_03_301_add_report_state_latest_figures";
import * as m401 from "./2026_12_03_401_create_reminder_contact";
import * as m402 from "./2026_12_03_402_create_reminder";
import * as m501 from "./2026_12_03_501_create_task_version";
import * as m601 from "./2026_12_03_601_add_token_demo";

/** Migrations are listed in code (not read from disk) so a bundled or compiled server carries them. */
export const MIGRATIONS: Record<string, Migration> = {
  "2026_11_22_001_create_unit_and_catalog": m001,
  "2026_11_22_002_create_token": m002,
  "2026_11_22_003_create_submission": m003,
  "2026_11_22_004_create_audit_event": m004,
  "2026_11_22_005_add_report_state_latest_contact": m005,
  "2026_11_22_006_add_unit_retired_from": m006,
  "2026_12_03_101_add_token_expires_at": m101,
  "2026_12_03_201_create_applicability": m201,
  "2026_12_03_202_create_unit_target": m202,
  "2026_12_03_301_add_report_state_latest_figures": m301,
  "2026_12_03_401_create_reminder_contact": m401,
  "2026_12_03_402_create_reminder": m402,
  "2026_12_03_501_create_task_version": m501,
  "2026_12_03_601_add_token_demo": m601,
};

export class InCodeMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}
