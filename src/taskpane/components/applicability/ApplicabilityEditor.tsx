import type * as React from "react";
import type { ApplicabilityEditorProps } from "./ApplicabilityEditor.types";
import { useApplicabilityEditor } from "./useApplicabilityEditor";
import { useApplicabilityEditorStyles } from "./useApplicabilityEditorStyles";
import { renderApplicabilityEditor } from "./renderApplicabilityEditor";

/**
 * The planners' applicability editor (issue #14): find a unit by code or name, see its targets for a period — applies,
 * not applicable or always required, and from where — change them from a period on and save through the endpoint
 * (PUT /api/v1/applicability), or import the whole table from a .csv/.xlsx checked by the CLI's own parser.
 */
export function ApplicabilityEditor(props: ApplicabilityEditorProps): React.JSX.Element {
  const state = useApplicabilityEditor(props);
  const classes = useApplicabilityEditorStyles();
  return renderApplicabilityEditor(state, classes);
}
