import { makeStyles, tokens } from "@fluentui/react-components";

export const useAppStyles = makeStyles({
  previewLayout: {
    display: "flex",
    flexDirection: "row",
    alignItems: "stretch",
    minHeight: "100vh",
    "@media (max-width: 760px)": { flexDirection: "column-reverse" },
  },
  hostLayout: {
    display: "flex",
    minHeight: "100vh",
  },
  pane: {
    boxSizing: "border-box",
    width: "100%",
    minWidth: "320px",
    maxWidth: "450px",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalXXL,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  previewPane: {
    flexShrink: 0,
    width: "380px",
    borderLeftWidth: tokens.strokeWidthThin,
    borderLeftStyle: "solid",
    borderLeftColor: tokens.colorNeutralStroke1,
    "@media (max-width: 760px)": { width: "100%", borderLeftWidth: 0 },
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
});

export type AppClasses = ReturnType<typeof useAppStyles>;
