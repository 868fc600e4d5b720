import { makeStyles, tokens } from "@fluentui/react-components";

export const plannerPaneClassNames = { root: "ct-PlannerPane" } as const;

export type PlannerPaneClasses = ReturnType<typeof usePlannerPaneStyles>;

export const usePlannerPaneStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  file: {
    fontWeight: tokens.fontWeightSemibold,
    wordBreak: "break-all",
  },
  reason: {
    color: tokens.colorNeutralForeground2,
  },
  hiddenInput: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
  },
});
