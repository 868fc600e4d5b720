/**
 * The demo planner's classroom controls, in the demo banner: fill the classroom (a realistic quarter for a dozen demo
 * units) and reset it (the demo units' reports deleted). The endpoint touches demo units only.
 */
import * as React from "react";
import { Button, Text } from "@fluentui/react-components";
import { useI18n } from "../i18n";
import { describeError } from "../api/describe";
import { createClassroomClient, type ClassroomClient } from "../api/classroom";
import type { Connection } from "../api/types";

export interface ClassroomActionsProps {
  connection: Connection;
  client?: ClassroomClient;
}

export function ClassroomActions(props: ClassroomActionsProps): React.JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const client = React.useMemo(() => props.client ?? createClassroomClient(), [props.client]);
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<string | null>(null);
  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage(await action());
    } catch (e) {
      setMessage(`${t("classroom.failed")} ${describeError(e, i18n)}`);
    } finally {
      setBusy(false);
    }
  };
  const populate = () =>
    run(async () => {
      const j = await client.populate(props.connection);
      const n = (fate: string) => String(j.reports.filter((r) => r.fate === fate).length);
      return t("classroom.populated", {
        units: String(j.unitCodes.length),
        periods: j.periods.join(", "),
        late: n("late"),
        missing: n("missing"),
        returned: n("returned"),
        accepted: n("accepted"),
      });
    });
  const reset = () =>
    run(async () => {
      const j = await client.reset(props.connection);
      return t("classroom.resetDone", { count: String(j.deleted.submissions) });
    });
  return (
    <div>
      <Button size="small" disabled={busy} onClick={() => void populate()}>
        {busy ? t("classroom.busy") : t("classroom.populate")}
      </Button>{" "}
      <Button size="small" disabled={busy} onClick={() => void reset()}>
        {t("classroom.reset")}
      </Button>
      {message && (
        <Text as="p" size={200} role="status">
          {message}
        </Text>
      )}
    </div>
  );
}
