import * as React from "react";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  mergeClasses,
} from "@fluentui/react-components";
import type { ConnectPanelState } from "./ConnectPanel.types";
import { connectPanelClassNames, type ConnectPanelClasses } from "./useConnectPanelStyles";

export function renderConnectPanel(state: ConnectPanelState, classes: ConnectPanelClasses): React.JSX.Element {
  const { t } = state.i18n;
  const rootClass = mergeClasses(connectPanelClassNames.root, classes.root);
  if (state.mode === "connected" || state.mode === "offline") {
    return (
      <section className={rootClass} aria-label={t("connect.heading")}>
        {state.mode === "offline" ? (
          <MessageBar intent="warning">
            <MessageBarBody>
              {t("connect.offlineAs", { unit: state.unitName ?? "" })} {state.offlineMessage}
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={state.onRetry}>
                {t("queue.retryNow")}
              </Button>
            </MessageBarActions>
          </MessageBar>
        ) : (
          <div className={classes.connected}>
            <Text weight="semibold">{t("connect.connectedAs", { unit: state.unitName ?? "" })}</Text>
            <Button size="small" appearance="subtle" onClick={state.onEdit} data-tour="connect">
              {t("connect.change")}
            </Button>
          </div>
        )}
      </section>
    );
  }
  return (
    <form className={rootClass} onSubmit={state.handleSubmit} noValidate aria-labelledby="ct-connect-heading">
      <Subtitle2 as="h2" id="ct-connect-heading">
        {t("connect.heading")}
      </Subtitle2>
      <Field
        label={t("connect.endpoint")}
        hint={t("connect.endpointHint")}
        validationState={state.endpointField.state}
        validationMessage={state.endpointField.message}
        required
      >
        <Input
          type="url"
          value={state.endpoint}
          onChange={state.handleEndpointChange}
          autoComplete="url"
          inputMode="url"
        />
      </Field>
      <Field
        label={t("connect.token")}
        hint={t("connect.tokenHint")}
        validationState={state.tokenField.state}
        validationMessage={state.tokenField.message}
        required
      >
        <Input type="password" value={state.token} onChange={state.handleTokenChange} autoComplete="off" />
      </Field>
      <div className={classes.actions}>
        <Button type="submit" appearance="primary" disabled={state.busy} data-tour="connect">
          {t("connect.submit")}
        </Button>
        {state.busy && <Spinner size="tiny" label={t("connect.connecting")} />}
      </div>
    </form>
  );
}
