import { makeStyles, tokens } from "@fluentui/react-components";

export const useRecentValuesStyles = makeStyles({
  root: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  heading: {
    color: tokens.colorNeutralForeground3,
  },
  item: {
    whiteSpace: "nowrap",
  },
  period: {
    color: tokens.colorNeutralForeground3,
    marginRight: tokens.spacingHorizontalXXS,
  },
  gap: {
    fontStyle: "italic",
    color: tokens.colorNeutralForeground3,
  },
  spark: {
    flexShrink: 0,
    stroke: tokens.colorBrandForeground1,
    fill: tokens.colorBrandForeground1,
  },
  arrow: {
    fontWeight: tokens.fontWeightSemibold,
  },
  better: {
    color: tokens.colorPaletteGreenForeground1,
  },
  worse: {
    color: tokens.colorPaletteRedForeground1,
  },
});

export type RecentValuesClasses = ReturnType<typeof useRecentValuesStyles>;
