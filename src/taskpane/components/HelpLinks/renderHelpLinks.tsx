import type * as React from "react";
import { Caption1, Link } from "@fluentui/react-components";
import type { HelpLinksState } from "./useHelpLinks";
import type { HelpLinksClasses } from "./useHelpLinksStyles";

export function renderHelpLinks(state: HelpLinksState, classes: HelpLinksClasses): React.JSX.Element {
  return (
    <nav className={classes.root} aria-label={state.heading} data-testid="help-links">
      <Caption1 className={classes.heading}>{state.heading}:</Caption1>
      <Link href={state.help.href} target="_blank" rel="noopener noreferrer">
        {state.help.label}
      </Link>
      {state.handout && (
        <Link href={state.handout.href} target="_blank" rel="noopener noreferrer" data-testid="handout-link">
          {state.handout.label}
        </Link>
      )}
    </nav>
  );
}
