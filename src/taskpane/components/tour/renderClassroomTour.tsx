import type * as React from "react";
import { Button, MessageBar, MessageBarBody, Text, mergeClasses } from "@fluentui/react-components";
import type { ClassroomTourState } from "./ClassroomTour.types";
import type { ClassroomTourClasses } from "./useClassroomTourStyles";

function renderButtons(s: ClassroomTourState, c: ClassroomTourClasses): React.JSX.Element {
  const { t } = s.i18n;
  return (
    <div className={c.buttons}>
      <Button size="small" disabled={s.tour.index === 0} onClick={s.handleBack}>
        {t("tour.back")}
      </Button>
      {s.step && (
        <Button size="small" appearance="primary" onClick={s.handleNext}>
          {t("tour.skip")}
        </Button>
      )}
      <Button size="small" onClick={s.handleRestart}>
        {t("tour.restart")}
      </Button>
      <Button size="small" appearance="subtle" onClick={s.handleClose}>
        {t("tour.close")}
      </Button>
    </div>
  );
}

/** The step: what to do, why, and a note when its control is not on the pane. */
function renderStepBody(s: ClassroomTourState, c: ClassroomTourClasses): React.ReactNode {
  const { t, b } = s.i18n;
  const step = s.step!;
  return (
    <>
      <Text size={200} className={c.muted}>
        {t("tour.progress", { step: s.tour.index + 1, count: s.count })}
      </Text>
      <Text as="p" data-testid="tour-action">
        {b(step.action)}
      </Text>
      <Text as="p" size={200}>
        <strong>{t("tour.why")}</strong> {b(step.why)}
      </Text>
      {!s.anchor && (
        <Text as="p" size={200} className={c.muted} data-testid="tour-note">
          {step.anchor === "tasks" ? t("tour.noTasks") : t("tour.offScreen")}
        </Text>
      )}
      {s.anchor && (
        <Text size={200} className={c.muted}>
          {t("tour.waiting")}
        </Text>
      )}
    </>
  );
}

function renderFinished(s: ClassroomTourState, c: ClassroomTourClasses): React.JSX.Element {
  const { t } = s.i18n;
  return (
    <section className={c.card} aria-labelledby="ct-tour-title" data-testid="tour">
      <Text as="h2" weight="semibold" id="ct-tour-title">
        {t("tour.finished.title")}
      </Text>
      <Text as="p">{t("tour.finished.body", { done: new Set(s.tour.done).size, count: s.count })}</Text>
      {s.props.onResetWorkbook && (
        <div>
          <Button size="small" disabled={s.reset === "busy"} onClick={s.handleReset}>
            {t("tour.reset")}
          </Button>
        </div>
      )}
      {s.reset === "done" && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{t("tour.resetDone")}</MessageBarBody>
        </MessageBar>
      )}
      {s.reset === "failed" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {t("tour.resetFailed")} {s.resetError}
          </MessageBarBody>
        </MessageBar>
      )}
      {renderButtons(s, c)}
    </section>
  );
}

/**
 * A step whose control is on the pane is a coach mark placed beside it (Fluent's usePositioning); otherwise the same
 * card stays under the demo banner with a note. Not Fluent's TeachingPopover: its surface is a tabster modalizer even
 * without a focus trap, which puts aria-hidden yet focusable sentinels on <body> (axe-core's aria-hidden-focus). The
 * card is in the pane's DOM right after the banner, so its buttons come next in the tab order, and it never takes
 * the focus: the trainee works in the pane while it shows.
 */
export function renderClassroomTour(s: ClassroomTourState, c: ClassroomTourClasses): React.JSX.Element | null {
  if (!s.tour.open) return null;
  if (!s.step) return renderFinished(s, c);
  const anchored = s.anchor !== null;
  return (
    <section
      // a new element when it moves between the banner and a control: no placement is left behind
      key={anchored ? "beside" : "docked"}
      ref={anchored ? (s.containerRef as React.Ref<HTMLElement>) : undefined}
      className={mergeClasses(c.card, anchored && c.coachMark)}
      aria-labelledby="ct-tour-title"
      data-testid="tour"
      data-step={s.step.id}
    >
      <Text as="h2" weight="semibold" id="ct-tour-title">
        {s.i18n.b(s.step.title)}
      </Text>
      {renderStepBody(s, c)}
      {renderButtons(s, c)}
    </section>
  );
}
