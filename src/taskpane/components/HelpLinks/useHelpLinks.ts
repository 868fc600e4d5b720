import { handoutPath, handoutRole } from "../../../api/handout-paths";
import type { Role } from "../../api/types";
import { useI18n } from "../../i18n";

export interface HelpLinksProps {
  /** the connected endpoint ("https://host:3000"); null before connecting: the page's own origin serves the help */
  endpoint: string | null;
  /** the connected token's role; null before connecting (no handout link yet) */
  role: Role | null;
}

export interface HelpLinksState {
  heading: string;
  help: { href: string; label: string };
  handout: { href: string; label: string } | null;
}

export function useHelpLinks(props: HelpLinksProps): HelpLinksState {
  const { t, locale } = useI18n();
  const base = props.endpoint ?? "";
  const role = props.role ? handoutRole(props.role) : null;
  return {
    heading: t("help.links"),
    help: { href: `${base}/help.html`, label: t("help.page") },
    handout: role
      ? {
          href: `${base}${handoutPath(role, locale)}`,
          label: t(role === "clerk" ? "help.handoutClerk" : "help.handoutPlanner"),
        }
      : null,
  };
}
