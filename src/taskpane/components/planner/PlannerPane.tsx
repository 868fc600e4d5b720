import type * as React from "react";
import { ApplicabilityLauncher } from "../applicability";
import type { PlannerPaneProps } from "./PlannerPane.types";
import { usePlannerPane } from "./usePlannerPane";
import { usePlannerPaneStyles } from "./usePlannerPaneStyles";
import { renderPlannerPane } from "./renderPlannerPane";
import { defaultUnitRegistry } from "../../../domain";
import { TrendPanel } from "../trend/TrendPanel";

/**
 * Planner mode: pick a period and a unit group; one action fetches the consolidation and completeness from the
 * endpoint and writes the consolidated sheets into the open workbook (through the `writeConsolidated` prop). Units'
 * workbooks received by e-mail can be read in the browser instead: rejected files are listed with reason and cell,
 * and two different files for one unit × period are used only after the planner confirms the newer one wins.
 */
export function PlannerPane(props: PlannerPaneProps): React.JSX.Element {
  const state = usePlannerPane(props);
  const classes = usePlannerPaneStyles();
  return (
    <>
      {renderPlannerPane(state, classes)}
      {/* issue #14: which units report which target (its own lazy chunk) */}
      <ApplicabilityLauncher
        connection={props.connection}
        catalog={props.catalog}
        units={props.units}
        defaultPeriod={props.defaultPeriod}
        fetch={props.fetch}
      />
      {/* the trend workbook over a range of periods (components/trend), for the group chosen above */}
      <TrendPanel
        connection={props.connection}
        catalog={props.catalog}
        units={props.units ?? defaultUnitRegistry()}
        group={state.group}
        writeConsolidated={props.writeConsolidated}
        {...(props.fetch ? { fetch: props.fetch } : {})}
        {...(props.now ? { now: props.now } : {})}
      />
    </>
  );
}
