import type * as React from "react";
import type { PreviewSheetProps } from "./PreviewSheet.types";
import { usePreviewSheet } from "./usePreviewSheet";
import { usePreviewSheetStyles } from "./usePreviewSheetStyles";
import { renderPreviewSheet } from "./renderPreviewSheet";

/** The preview's entry sheet as a grid beside the pane: the template's cells, editable input cells, issue marks. */
export function PreviewSheet(props: PreviewSheetProps): React.JSX.Element {
  const state = usePreviewSheet(props);
  const classes = usePreviewSheetStyles();
  return renderPreviewSheet(state, classes);
}
