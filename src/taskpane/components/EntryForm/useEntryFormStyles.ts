import { makeStyles, tokens } from "@fluentui/react-components";

export const entryFormClassNames = { root: "ct-EntryForm", row: "ct-EntryForm__row" } as const;

export const useEntryFormStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
  },
  readOnly: {
    marginBottom: tokens.spacingVerticalS,
  },
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalM,
  },
  row: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    borderTopWidth: tokens.strokeWidthThin,
    borderTopStyle: "solid",
    borderTopColor: tokens.colorNeutralStroke2,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  badges: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
  },
  meta: {
    color: tokens.colorNeutralForeground2,
  },
  muted: {
    color: tokens.colorNeutralForeground3,
  },
  fields: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalXS,
  },
  select: {
    width: "100%",
    minWidth: 0,
  },
  toggle: {
    alignSelf: "flex-start",
    justifyContent: "flex-start",
    textAlign: "start",
    paddingLeft: 0,
    minWidth: 0,
  },
});

export type EntryFormClasses = ReturnType<typeof useEntryFormStyles>;
