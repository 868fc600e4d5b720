/**
 * Where the printed quick guides are (issue #20): one A4 page per role and language, served outside /api/v1 at
 * `/handouts/<role>.<lang>.pdf`, beside /help.html, so a trainer prints it from a plain link without a token. No zod
 * here: the task pane links them from its help.
 */
import type { Locale } from "../domain/types";
import type { TourRole } from "../domain/tour/steps";

export const HANDOUT_ROLES: readonly TourRole[] = ["clerk", "planner"];
export const HANDOUT_LANGS: readonly Locale[] = ["vi", "en"];

/** Every handout's file name, `clerk.vi.pdf` …: what the route serves. */
export const HANDOUT_FILES: readonly string[] = HANDOUT_ROLES.flatMap((r) => HANDOUT_LANGS.map((l) => `${r}.${l}.pdf`));

/** The path of one handout on the endpoint (beside /help.html, not under /api/v1). */
export function handoutPath(role: TourRole, lang: Locale): string {
  return `/handouts/${role}.${lang}.pdf`;
}

/** The handout of a token's role: a unit's clerk, or (planner, admin) the planner. */
export function handoutRole(tokenRole: string): TourRole {
  return tokenRole === "unit" ? "clerk" : "planner";
}

/** The role and language of a handout's file name, or null when it names none. */
export function parseHandoutFile(file: string): { role: TourRole; lang: Locale } | null {
  const m = /^(clerk|planner)\.(vi|en)\.pdf$/.exec(file);
  return m ? { role: m[1] as TourRole, lang: m[2] as Locale } : null;
}
