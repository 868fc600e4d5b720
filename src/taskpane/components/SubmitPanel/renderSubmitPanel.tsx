import * as React from "react";
import {
  Badge,
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Text,
  mergeClasses,
} from "@fluentui/react-components";
import type { SubmitPanelState } from "./SubmitPanel.types";
import { submitPanelClassNames, type SubmitPanelClasses } from "./useSubmitPanelStyles";

export function renderSubmitPanel(state: SubmitPanelState, classes: SubmitPanelClasses): React.JSX.Element {
  const { t } = state.i18n;
  return (
    <section className={mergeClasses(submitPanelClassNames.root, classes.root)} aria-labelledby="ct-submit-heading">
      <Subtitle2 as="h2" id="ct-submit-heading">
        {t("submit.heading")}
      </Subtitle2>
      <div className={classes.status} role="status">
        <Text>{t("submit.state", { state: "" }).trim()}</Text>
        <Badge appearance="filled" color={state.stateColor}>
          {state.stateLabel}
        </Badge>
      </div>
      {state.messages.map((m) => (
        <MessageBar key={m.key} intent={m.intent} layout="multiline">
          <MessageBarBody>
            {m.title && <MessageBarTitle>{m.title}</MessageBarTitle>}
            {m.text}
          </MessageBarBody>
        </MessageBar>
      ))}
      {state.serverIssues.length > 0 && (
        <section aria-labelledby="ct-server-issues">
          <Text as="h3" id="ct-server-issues" weight="semibold" className={classes.heading}>
            {t("issues.server")}
          </Text>
          <ul className={classes.list}>
            {state.serverIssues.map((s) => (
              <li key={s.key}>
                {s.text}{" "}
                {s.cell && (
                  <Link
                    as="button"
                    onClick={(ev) => state.onSelectCell(ev, { cell: s.cell as string, issue: s.issue })}
                  >
                    {s.cell}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className={classes.actions}>
        <Button appearance="primary" disabled={!state.canSubmit} onClick={state.onSubmit} data-tour="submit">
          {state.buttonLabel}
        </Button>
        {state.busyLabel && <Spinner size="tiny" label={state.busyLabel} />}
      </div>
      {state.receipt && (
        <section aria-labelledby="ct-receipt-heading">
          <Text as="h3" id="ct-receipt-heading" weight="semibold" className={classes.heading}>
            {t("submit.receipt")}
          </Text>
          <dl className={classes.receipt}>
            <dt className={classes.term}>{t("submit.receiptId")}</dt>
            <dd className={classes.value} data-testid="receipt-id">
              {state.receipt.id}
            </dd>
            {state.receipt.revision !== null && (
              <>
                <dt className={classes.term}>{t("submit.receiptRevision")}</dt>
                <dd className={classes.value}>{state.receipt.revision}</dd>
              </>
            )}
            <dt className={classes.term}>{t("submit.receiptTime")}</dt>
            <dd className={classes.value}>{state.receipt.time}</dd>
          </dl>
        </section>
      )}
      {state.showRetry && (
        <section aria-labelledby="ct-queue-heading">
          <Text as="h3" id="ct-queue-heading" weight="semibold" className={classes.heading}>
            {t("queue.heading")}
          </Text>
          <ul className={classes.list}>
            {state.waiting.map((w) => (
              <li key={w.id}>{w.text}</li>
            ))}
          </ul>
          <div className={classes.actions}>
            {state.retryText && <Text size={200}>{state.retryText}</Text>}
            <Button size="small" onClick={state.onRetryNow}>
              {t("queue.retryNow")}
            </Button>
          </div>
        </section>
      )}
    </section>
  );
}
