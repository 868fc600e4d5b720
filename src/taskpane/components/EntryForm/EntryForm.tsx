import type * as React from "react";
import type { EntryFormProps } from "./EntryForm.types";
import { useEntryForm } from "./useEntryForm";
import { useEntryFormStyles } from "./useEntryFormStyles";
import { renderEntryForm } from "./renderEntryForm";

/** The report's targets in the catalog's 4 groups, each with its target, unit, status and inputs bound to the sheet. */
export function EntryForm(props: EntryFormProps): React.JSX.Element {
  const state = useEntryForm(props);
  const classes = useEntryFormStyles();
  return renderEntryForm(state, classes);
}
