import * as React from "react";

export type ThemeMode = "light" | "dark";

/** Dark when a background colour ("#RRGGBB") is dark (relative luminance below one half). */
export function isDarkColor(hex: string | undefined | null): boolean | null {
  const m = /^#?([0-9a-f]{6})$/i.exec((hex ?? "").trim());
  if (!m) return null;
  const n = parseInt(m[1], 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

function officeMode(): ThemeMode | null {
  try {
    if (typeof Office === "undefined") return null;
    const theme = Office.context?.officeTheme;
    const dark = isDarkColor(theme?.bodyBackgroundColor);
    return dark === null ? null : dark ? "dark" : "light";
  } catch {
    return null;
  }
}

function darkQuery(): MediaQueryList | null {
  return typeof window !== "undefined" && window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
}

/** Office's theme inside Office, else the system's preference. */
function themeOf(host: "excel" | null): ThemeMode {
  return (host ? officeMode() : null) ?? (darkQuery()?.matches ? "dark" : "light");
}

/** Follows Office's theme (Office.context.officeTheme) inside Office, else the system's prefers-color-scheme. */
export function useOfficeTheme(host: "excel" | null): ThemeMode {
  const [mode, setMode] = React.useState<ThemeMode>(() => themeOf(host));
  React.useEffect(() => {
    const query = darkQuery();
    const update = () => setMode(themeOf(host));
    // the host is bound after the first screen: Office's theme is read then
    update();
    query?.addEventListener?.("change", update);
    // Excel raises no theme-change event to add-ins (Office.EventType.OfficeThemeChanged is not an Excel document
    // event): inside Excel the theme is read when the pane starts.
    return () => {
      query?.removeEventListener?.("change", update);
    };
  }, [host]);
  return mode;
}
