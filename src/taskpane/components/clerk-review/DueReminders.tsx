import type * as React from "react";
import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import { parsePeriod, periodLabel } from "../../../domain";
import type { PeriodInfo } from "../../api";
import type { PeriodMark } from "../../hooks/usePeriodStates";
import { useI18n, type I18n, type MessageKey } from "../../i18n";
import { remindersOf, type Reminder } from "./concerns";

export interface DueRemindersProps {
  periods: PeriodInfo[];
  /** null while the states are not known (then nothing is shown rather than a guess) */
  marks: Record<string, PeriodMark> | null;
  onChoose: (ev: React.SyntheticEvent, data: { period: string }) => void;
  /** "now", for tests */
  now?: Date;
}

/** At most this many lines; the rest is counted. */
const SHOWN = 4;

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  item: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
});

export function periodName(p: PeriodInfo, i18n: I18n): string {
  const parsed = parsePeriod(p.id);
  return p.label ? i18n.b(p.label) : parsed ? periodLabel(parsed, i18n.locale) : p.id;
}

function line(r: Reminder, i18n: I18n): string {
  const mark = i18n.t(`review.mark.${r.mark}` as MessageKey);
  const period = periodName(r.period, i18n);
  const date = r.period.deadline ? i18n.date(r.period.deadline) : "";
  if (r.kind === "overdue") return i18n.t("reminders.overdue", { period, date, mark });
  if (r.kind === "dueToday") return i18n.t("reminders.dueToday", { period, mark });
  return i18n.t("reminders.dueSoon", { period, date, days: r.days, mark });
}

/** When a unit connects: the reports overdue and those due within a week that it has not sent (or that came back). */
export function DueReminders(props: DueRemindersProps): React.JSX.Element | null {
  const i18n = useI18n();
  const styles = useStyles();
  if (!props.marks) return null;
  const reminders = remindersOf(props.periods, props.marks, props.now ?? new Date());
  if (reminders.length === 0) return null;
  const overdue = reminders.some((r) => r.kind === "overdue");
  return (
    <MessageBar intent={overdue ? "warning" : "info"} layout="multiline" data-testid="due-reminders">
      <MessageBarBody>
        <MessageBarTitle>{i18n.t("reminders.heading")}</MessageBarTitle>
        <ul className={styles.list}>
          {reminders.slice(0, SHOWN).map((r) => (
            <li key={r.period.id} className={styles.item}>
              <span>{line(r, i18n)}</span>
              <Button
                size="small"
                appearance="transparent"
                onClick={(ev) => props.onChoose(ev, { period: r.period.id })}
              >
                {i18n.t("reminders.choose", { period: r.period.id })}
              </Button>
            </li>
          ))}
        </ul>
        {reminders.length > SHOWN && <div>{i18n.t("reminders.more", { count: reminders.length - SHOWN })}</div>}
      </MessageBarBody>
    </MessageBar>
  );
}
