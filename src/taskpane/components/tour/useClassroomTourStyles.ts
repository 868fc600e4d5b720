import { makeStyles, tokens } from "@fluentui/react-components";

export const useClassroomTourStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  // beside its control, above the pane; it fits a 350 px pane: never wider than the pane less its margins
  coachMark: {
    zIndex: 10,
    width: "min(320px, calc(100vw - 24px))",
    boxShadow: tokens.shadow16,
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, marginTop: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
});

export type ClassroomTourClasses = ReturnType<typeof useClassroomTourStyles>;
