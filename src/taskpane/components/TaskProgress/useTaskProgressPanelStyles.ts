import { makeStyles, tokens } from "@fluentui/react-components";

export const useTaskProgressPanelStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
  task: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  taskError: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteRedBorder2}` },
  head: { display: "flex", flexWrap: "wrap", alignItems: "flex-start", gap: tokens.spacingHorizontalS, minWidth: 0 },
  badge: { flexShrink: 0, whiteSpace: "nowrap" },
  title: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere", margin: 0, fontSize: tokens.fontSizeBase300 },
  facts: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  area: { minHeight: "56px" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export type TaskProgressPanelClasses = ReturnType<typeof useTaskProgressPanelStyles>;
