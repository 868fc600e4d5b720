import type * as React from "react";
import type { ConnectData, ConnectionStatus } from "../../hooks/useConnection";
import type { I18n } from "../../i18n";

export interface ConnectPanelProps {
  status: ConnectionStatus;
  defaults: ConnectData;
  /** the last failure (ApiError), shown on the field it concerns */
  error: unknown;
  /** the connected unit's display name */
  unitName: string | null;
  onConnect: (ev: React.SyntheticEvent | null, data: ConnectData) => void;
  onEdit: (ev: React.SyntheticEvent) => void;
  onRetry: (ev: React.SyntheticEvent) => void;
  /** the person typed in the form (a stored connection that arrives later then leaves the form alone) */
  onInput?: () => void;
}

export type FieldMessage = { state: "error" | "none"; message: string | undefined };

export interface ConnectPanelState {
  i18n: I18n;
  mode: "form" | "connected" | "offline";
  endpoint: string;
  token: string;
  busy: boolean;
  endpointField: FieldMessage;
  tokenField: FieldMessage;
  unitName: string | null;
  offlineMessage: string | null;
  handleEndpointChange: (ev: React.ChangeEvent<HTMLInputElement>, data: { value: string }) => void;
  handleTokenChange: (ev: React.ChangeEvent<HTMLInputElement>, data: { value: string }) => void;
  handleSubmit: (ev: React.FormEvent<HTMLFormElement>) => void;
  onEdit: (ev: React.SyntheticEvent) => void;
  onRetry: (ev: React.SyntheticEvent) => void;
}
