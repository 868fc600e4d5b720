import { makeStyles, tokens } from "@fluentui/react-components";

export const useHelpLinksStyles = makeStyles({
  root: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  heading: {
    color: tokens.colorNeutralForeground2,
  },
});

export type HelpLinksClasses = ReturnType<typeof useHelpLinksStyles>;
