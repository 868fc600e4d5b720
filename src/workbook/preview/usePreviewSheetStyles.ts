import { makeStyles, tokens } from "@fluentui/react-components";

export const previewSheetClassNames = { root: "ct-PreviewSheet" } as const;

export const usePreviewSheetStyles = makeStyles({
  root: {
    flexGrow: 1,
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  toolbar: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalM,
    flexWrap: "wrap",
  },
  heading: {
    margin: 0,
  },
  scroller: {
    overflow: "auto",
    maxHeight: "calc(100vh - 140px)",
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  table: {
    borderCollapse: "collapse",
    tableLayout: "fixed",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  colHeader: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  rowHeader: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    width: "36px",
    textAlign: "center",
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  cell: {
    verticalAlign: "top",
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    paddingTop: "2px",
    paddingBottom: "2px",
    paddingLeft: "4px",
    paddingRight: "4px",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  headerCell: {
    verticalAlign: "middle",
  },
  inputCell: {
    padding: 0,
  },
  input: {
    boxSizing: "border-box",
    width: "100%",
    minHeight: "28px",
    border: "none",
    backgroundColor: "transparent",
    color: "inherit",
    font: "inherit",
    paddingLeft: "4px",
    paddingRight: "4px",
    ":focus": {
      outlineWidth: tokens.strokeWidthThick,
      outlineStyle: "solid",
      outlineColor: tokens.colorBrandStroke1,
      outlineOffset: "-2px",
    },
  },
  error: {
    boxShadow: `inset 0 0 0 2px ${tokens.colorPaletteRedBorder2}`,
  },
  warning: {
    boxShadow: `inset 0 0 0 2px ${tokens.colorPaletteMarigoldBorder2}`,
  },
  info: {
    boxShadow: `inset 0 0 0 2px ${tokens.colorPaletteBlueBorderActive}`,
  },
  title: {
    margin: 0,
    fontWeight: tokens.fontWeightSemibold,
  },
});

export type PreviewSheetClasses = ReturnType<typeof usePreviewSheetStyles>;
