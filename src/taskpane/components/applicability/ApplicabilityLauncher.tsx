/**
 * The planner pane's way into the applicability editor: one button; the editor (and its parser) is a chunk of its
 * own, fetched when the button is first pressed.
 */
import * as React from "react";
import { Button } from "@fluentui/react-components";
import { useI18n } from "../../i18n";
import type { ApplicabilityEditorProps } from "./ApplicabilityEditor.types";
import "../../i18n/sections/applicability";

const Editor = React.lazy(() =>
  import(/* webpackChunkName: "applicability-editor" */ "./ApplicabilityEditor").then((m) => ({
    default: m.ApplicabilityEditor,
  })),
);

export function ApplicabilityLauncher(props: ApplicabilityEditorProps): React.JSX.Element {
  const { t } = useI18n();
  const [open, setOpen] = React.useState(false);
  return (
    <>
      <div>
        <Button aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {t(open ? "applic.close" : "applic.open")}
        </Button>
      </div>
      {open && (
        <React.Suspense fallback={null}>
          <Editor {...props} />
        </React.Suspense>
      )}
    </>
  );
}
