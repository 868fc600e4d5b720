import { makeStyles, tokens } from "@fluentui/react-components";

export const useNarrativePanelStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  hint: { color: tokens.colorNeutralForeground3 },
  area: { minHeight: "120px" },
});

export type NarrativePanelClasses = ReturnType<typeof useNarrativePanelStyles>;
