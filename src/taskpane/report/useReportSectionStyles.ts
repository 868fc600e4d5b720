import { makeStyles, tokens } from "@fluentui/react-components";

export const useReportSectionStyles = makeStyles({
  tabpanel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
});

export type ReportSectionClasses = ReturnType<typeof useReportSectionStyles>;
