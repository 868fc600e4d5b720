import { makeStyles, tokens } from "@fluentui/react-components";

export const applicabilityEditorClassNames = { root: "ct-ApplicabilityEditor" } as const;

/** One column, so it fits the 350 px pane; rows wrap rather than scroll sideways. */
export const useApplicabilityEditorStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  match: { justifyContent: "flex-start", textAlign: "start", width: "100%", minWidth: 0 },
  row: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalS,
    borderTopWidth: tokens.strokeWidthThin,
    borderTopStyle: "solid",
    borderTopColor: tokens.colorNeutralStroke2,
  },
  changed: {
    borderLeftWidth: tokens.strokeWidthThick,
    borderLeftStyle: "solid",
    borderLeftColor: tokens.colorBrandStroke1,
    paddingLeft: tokens.spacingHorizontalS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  select: { width: "100%", minWidth: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  issues: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorPaletteRedForeground1 },
});

export type ApplicabilityEditorClasses = ReturnType<typeof useApplicabilityEditorStyles>;
