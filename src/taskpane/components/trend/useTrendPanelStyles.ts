import { makeStyles, tokens } from "@fluentui/react-components";

export const useTrendPanelStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalL,
  },
  heading: {
    margin: 0,
  },
  hint: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
  },
  write: {
    alignSelf: "flex-start",
  },
});
