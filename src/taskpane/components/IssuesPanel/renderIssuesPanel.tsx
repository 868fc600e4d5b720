import * as React from "react";
import {
  Badge,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Textarea,
  mergeClasses,
  type BadgeProps,
} from "@fluentui/react-components";
import type { Severity } from "../../../domain/types";
import type { IssueView, IssuesPanelState } from "./IssuesPanel.types";
import { issuesPanelClassNames, type IssuesPanelClasses } from "./useIssuesPanelStyles";

const SEVERITY_COLORS: Record<Severity, NonNullable<BadgeProps["color"]>> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

function renderIssueContent(view: IssueView, classes: IssuesPanelClasses): React.JSX.Element {
  return (
    <>
      <Badge appearance="filled" color={SEVERITY_COLORS[view.severity]} className={classes.badge}>
        {view.severityLabel}
      </Badge>
      <span className={classes.text}>
        <span>{view.text}</span>
        {view.cell && <span className={classes.cell}>{view.cell}</span>}
      </span>
    </>
  );
}

export function renderIssuesPanel(state: IssuesPanelState, classes: IssuesPanelClasses): React.JSX.Element {
  const { t } = state.i18n;
  // the classroom tour points at the first justification box
  const tourJustification = state.groups.find((g) => g.justification && g.targetId)?.key;
  return (
    <section className={mergeClasses(issuesPanelClassNames.root, classes.root)} aria-labelledby="ct-issues-heading">
      <Subtitle2 as="h2" id="ct-issues-heading">
        {t("issues.heading")}
      </Subtitle2>
      {state.clear && (
        <MessageBar intent="success">
          <MessageBarBody>{t("issues.none")}</MessageBarBody>
        </MessageBar>
      )}
      {state.groups.map((g) => (
        <section key={g.key} className={classes.group} aria-labelledby={g.headingId}>
          <h3 id={g.headingId} className={classes.title}>
            {g.title}
          </h3>
          <ul className={classes.list}>
            {g.issues.map((view) => (
              <li key={view.key}>
                {view.cell ? (
                  <Button
                    className={classes.item}
                    appearance="subtle"
                    title={view.goToLabel ?? undefined}
                    aria-description={view.goToLabel ?? undefined}
                    onClick={(ev) => state.handleSelect(ev, { view })}
                  >
                    {renderIssueContent(view, classes)}
                  </Button>
                ) : (
                  <div className={classes.staticItem}>{renderIssueContent(view, classes)}</div>
                )}
              </li>
            ))}
          </ul>
          {g.justification && g.targetId && (
            <Field
              label={g.justification.label}
              validationState={g.justification.state}
              validationMessage={g.justification.message}
            >
              <Textarea
                data-tour={g.key === tourJustification ? "justification" : undefined}
                value={g.justification.value}
                readOnly={state.readOnly}
                resize="vertical"
                onChange={(ev, data) => state.handleJustify(ev, { targetId: g.targetId as string, value: data.value })}
                onBlur={(ev) => state.handleJustifyBlur(ev, { targetId: g.targetId as string })}
              />
            </Field>
          )}
        </section>
      ))}
    </section>
  );
}
