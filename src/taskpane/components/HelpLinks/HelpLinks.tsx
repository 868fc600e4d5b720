/**
 * The pane's help (issue #20): the endpoint's help page and, once a token is connected, the one-page quick guide of
 * its role (a unit's token: the clerks'; a planner's or admin's: the planners') in the pane's language — the same
 * steps as the guided tour, printed (GET /handouts/<role>.<lang>.pdf, src/server/services/handout.ts).
 */
import type * as React from "react";
import { useHelpLinks, type HelpLinksProps } from "./useHelpLinks";
import { useHelpLinksStyles } from "./useHelpLinksStyles";
import { renderHelpLinks } from "./renderHelpLinks";

export type { HelpLinksProps };

export function HelpLinks(props: HelpLinksProps): React.JSX.Element {
  return renderHelpLinks(useHelpLinks(props), useHelpLinksStyles());
}
