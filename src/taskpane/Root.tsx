import type * as React from "react";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App, type AppProps } from "./App";
import { useOfficeTheme } from "./hooks/useOfficeTheme";

export interface RootProps extends AppProps {
  host: "excel" | null;
}

/** FluentProvider with the theme that follows Office (or the system), around the App. */
export function Root(props: RootProps): React.JSX.Element {
  const { host, ...appProps } = props;
  const mode = useOfficeTheme(host);
  return (
    <FluentProvider theme={mode === "dark" ? webDarkTheme : webLightTheme} style={{ minHeight: "100vh" }}>
      <App {...appProps} />
    </FluentProvider>
  );
}
