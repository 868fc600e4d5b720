import type * as React from "react";
import { Button } from "@fluentui/react-components";
import type { TourRole } from "../../domain/tour/steps";
import { useI18n } from "../i18n";

export interface TourStartProps {
  /** the tour this demo token may take: the clerk's on a demo unit's token, the planner's on the demo planner's */
  role: TourRole;
  running: boolean;
  onStart: (ev: React.MouseEvent, data: { role: TourRole }) => void;
}

/** The classroom's "start the tour" button, in the demo banner (the tour itself is a lazy chunk: components/tour). */
export function TourStart(props: TourStartProps): React.JSX.Element {
  const { t } = useI18n();
  return (
    <Button
      size="small"
      appearance={props.running ? "secondary" : "primary"}
      onClick={(ev) => props.onStart(ev, { role: props.role })}
    >
      {t(props.role === "clerk" ? "tour.start.clerk" : "tour.start.planner")}
    </Button>
  );
}
