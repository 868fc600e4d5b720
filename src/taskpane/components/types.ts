/** Props of the small one-file components (kept in a .ts file: their callback types name their parameters). */
import type * as React from "react";
import type { Locale } from "../../domain/types";
import type { PeriodInfo } from "../api";

export interface HeaderProps {
  /** the connected unit, e.g. "Phường Ba Đình (00004)" */
  unitName: string | null;
  onLocaleChange: (ev: React.MouseEvent, data: { locale: Locale }) => void;
}

export interface PeriodPickerProps {
  periods: PeriodInfo[];
  /** where the unit's report stands per period (sent, returned, accepted and locked); absent or null: not known */
  marks?: Record<string, "missing" | "submitted" | "returned" | "accepted"> | null;
  value: string;
  busy: boolean;
  onChange: (ev: React.ChangeEvent<HTMLSelectElement>, data: { period: string }) => void;
  onOpen: (ev: React.SyntheticEvent, data: { period: string }) => void;
}

export type TabId = "form" | "issues" | "submit" | "narrative" | "tasks";

export interface ReportTabsProps {
  /** `tour`: the classroom tour's anchor on the tab (its `data-tour`) */
  tabs: { id: TabId; label: string; tour?: string }[];
  selected: TabId;
  label: string;
  /** the id of the tab panel the tabs control */
  panelId: string;
  onSelect: (ev: React.SyntheticEvent, data: { value: TabId }) => void;
}
