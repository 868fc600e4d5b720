import { makeStyles, tokens } from "@fluentui/react-components";

export const useTaskBoardViewStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  select: { minWidth: "140px" },
  hint: { color: tokens.colorNeutralForeground3 },
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  groupTitle: { margin: 0, fontSize: tokens.fontSizeBase300 },
  row: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  rowHead: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "flex-start" },
  badge: { flexShrink: 0, whiteSpace: "nowrap" },
  rowTitle: { flexGrow: 1, margin: 0, fontSize: tokens.fontSizeBase300 },
  facts: { color: tokens.colorNeutralForeground2 },
});

export type TaskBoardViewClasses = ReturnType<typeof useTaskBoardViewStyles>;
