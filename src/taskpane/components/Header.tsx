import * as React from "react";
import { Button, Caption1, makeStyles, Title3, tokens } from "@fluentui/react-components";
import type { Locale } from "../../domain/types";
import { useI18n } from "../i18n";

import type { HeaderProps } from "./types";

export type { HeaderProps };

const useStyles = makeStyles({
  root: {
    display: "flex",
    alignItems: "flex-start",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  titles: {
    display: "flex",
    flexDirection: "column",
    minWidth: 0,
  },
  title: {
    margin: 0,
  },
  subtitle: {
    color: tokens.colorNeutralForeground2,
  },
});

export function Header(props: HeaderProps): React.JSX.Element {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const next: Locale = locale === "vi" ? "en" : "vi";
  const { onLocaleChange } = props;
  const handleLocaleClick = React.useCallback(
    (ev: React.MouseEvent) => onLocaleChange(ev, { locale: next }),
    [onLocaleChange, next],
  );
  return (
    <header className={styles.root}>
      <div className={styles.titles}>
        <Title3 as="h1" className={styles.title}>
          {t("app.title")}
        </Title3>
        <Caption1 className={styles.subtitle}>{props.unitName ?? t("app.subtitle")}</Caption1>
      </div>
      <Button
        size="small"
        appearance="outline"
        onClick={handleLocaleClick}
        title={t("app.switchLanguageLabel")}
        lang={next}
        data-locale-switch={next}
      >
        {t("app.switchLanguage")}
      </Button>
    </header>
  );
}
