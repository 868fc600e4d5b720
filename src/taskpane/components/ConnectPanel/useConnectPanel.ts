import * as React from "react";
import { describeError, isApiError } from "../../api";
import { useI18n } from "../../i18n";
import type { ConnectPanelProps, ConnectPanelState, FieldMessage } from "./ConnectPanel.types";

const NONE: FieldMessage = { state: "none", message: undefined };
const TOKEN_KINDS = new Set(["unauthorized", "forbidden"]);

export function useConnectPanel(props: ConnectPanelProps): ConnectPanelState {
  const i18n = useI18n();
  const [endpoint, setEndpoint] = React.useState(props.defaults.endpoint);
  const [token, setToken] = React.useState(props.defaults.token);
  const [missing, setMissing] = React.useState<{ endpoint: boolean; token: boolean }>({
    endpoint: false,
    token: false,
  });

  // a stored or failed connection refills the form
  React.useEffect(() => {
    setEndpoint(props.defaults.endpoint);
    setToken(props.defaults.token);
  }, [props.defaults.endpoint, props.defaults.token]);

  const failure = props.error;
  let endpointField: FieldMessage = NONE;
  let tokenField: FieldMessage = NONE;
  if (missing.endpoint) endpointField = { state: "error", message: i18n.t("connect.required.endpoint") };
  if (missing.token) tokenField = { state: "error", message: i18n.t("connect.required.token") };
  if (failure && props.status === "disconnected" && !missing.endpoint && !missing.token) {
    const text = describeError(failure, i18n);
    if (isApiError(failure) && TOKEN_KINDS.has(failure.kind)) tokenField = { state: "error", message: text };
    else endpointField = { state: "error", message: text };
  }

  const { onInput } = props;
  const handleEndpointChange = React.useCallback(
    (_ev: React.ChangeEvent<HTMLInputElement>, data: { value: string }) => {
      setEndpoint(data.value);
      setMissing((m) => ({ ...m, endpoint: false }));
      onInput?.();
    },
    [onInput],
  );
  const handleTokenChange = React.useCallback(
    (_ev: React.ChangeEvent<HTMLInputElement>, data: { value: string }) => {
      setToken(data.value);
      setMissing((m) => ({ ...m, token: false }));
      onInput?.();
    },
    [onInput],
  );
  const { onConnect } = props;
  const handleSubmit = React.useCallback(
    (ev: React.FormEvent<HTMLFormElement>) => {
      ev.preventDefault();
      const gaps = { endpoint: endpoint.trim() === "", token: token.trim() === "" };
      setMissing(gaps);
      if (gaps.endpoint || gaps.token) return;
      onConnect(ev, { endpoint: endpoint.trim(), token: token.trim() });
    },
    [endpoint, token, onConnect],
  );

  const mode: ConnectPanelState["mode"] =
    props.status === "connected" ? "connected" : props.status === "offline" ? "offline" : "form";
  return {
    i18n,
    mode,
    endpoint,
    token,
    busy: props.status === "connecting",
    endpointField,
    tokenField,
    unitName: props.unitName,
    offlineMessage: mode === "offline" && failure ? describeError(failure, i18n) : null,
    handleEndpointChange,
    handleTokenChange,
    handleSubmit,
    onEdit: props.onEdit,
    onRetry: props.onRetry,
  };
}
