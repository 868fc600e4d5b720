import * as React from "react";

/**
 * The control marked `data-tour="<name>"` (names are the steps' own: letters and dashes) that is not in a hidden
 * panel; where a tab and a control inside its panel share the name (submit, consolidate), the later one: once the
 * panel is open the coach mark moves from the tab to the control.
 */
export function findAnchor(root: ParentNode, name: string): HTMLElement | null {
  const found = Array.from(root.querySelectorAll<HTMLElement>(`[data-tour="${name}"]`)).filter(
    (el) => !el.closest("[hidden]"),
  );
  return found[found.length - 1] ?? null;
}

/**
 * The control a step points at, followed as the pane changes (a tab opened, the board loaded): looked up again after
 * each change of the page's elements, at most once a frame.
 */
export function useAnchor(name: string | null): HTMLElement | null {
  const [anchor, setAnchor] = React.useState<HTMLElement | null>(() =>
    name && typeof document !== "undefined" ? findAnchor(document, name) : null,
  );
  React.useEffect(() => {
    if (!name || typeof document === "undefined") {
      setAnchor(null);
      return;
    }
    let queued = false;
    const look = () => {
      queued = false;
      const found = findAnchor(document, name);
      setAnchor((current) => (current === found ? current : found));
    };
    look();
    const observer = new MutationObserver(() => {
      if (queued) return;
      queued = true;
      setTimeout(look, 0);
    });
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["hidden", "data-tour"],
    });
    return () => observer.disconnect();
  }, [name]);
  return anchor;
}
