import type * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  Text,
  TeachingPopover,
  TeachingPopoverBody,
  TeachingPopoverSurface,
  TeachingPopoverTitle,
} from "@fluentui/react-components";
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
 * A step whose control is on the pane is a coach mark beside it (Fluent's TeachingPopover, rendered inline so its
 * buttons follow the banner in the tab order, never trapping focus: the trainee works in the pane while it shows);
 * otherwise the same step is a card under the demo banner.
 */
export function renderClassroomTour(s: ClassroomTourState, c: ClassroomTourClasses): React.JSX.Element | null {
  if (!s.tour.open) return null;
  if (!s.step) return renderFinished(s, c);
  const { b } = s.i18n;
  const title = b(s.step.title);
  if (!s.anchor)
    return (
      <section className={c.card} aria-labelledby="ct-tour-title" data-testid="tour" data-step={s.step.id}>
        <Text as="h2" weight="semibold" id="ct-tour-title">
          {title}
        </Text>
        {renderStepBody(s, c)}
        {renderButtons(s, c)}
      </section>
    );
  return (
    <TeachingPopover open inline trapFocus={false} withArrow positioning={{ target: s.anchor, position: "below" }}>
      <TeachingPopoverSurface
        className={c.surface}
        aria-labelledby="ct-tour-title"
        data-testid="tour"
        data-step={s.step.id}
      >
        <TeachingPopoverTitle id="ct-tour-title">{title}</TeachingPopoverTitle>
        <TeachingPopoverBody>{renderStepBody(s, c)}</TeachingPopoverBody>
        {renderButtons(s, c)}
      </TeachingPopoverSurface>
    </TeachingPopover>
  );
}
