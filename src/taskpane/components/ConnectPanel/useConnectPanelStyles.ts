import { makeStyles, tokens } from "@fluentui/react-components";

export const connectPanelClassNames = { root: "ct-ConnectPanel" } as const;

export type ConnectPanelClasses = ReturnType<typeof useConnectPanelStyles>;

export const useConnectPanelStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  connected: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
  actions: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
});
