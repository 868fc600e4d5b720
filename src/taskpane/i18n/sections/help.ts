/** The pane's help links (issue #20): the help page and the printed quick guide of the connected role. */
export const HELP_MESSAGES = {
  "help.links": { vi: "Trợ giúp", en: "Help" },
  "help.page": { vi: "Trang trợ giúp", en: "Help page" },
  "help.handoutClerk": {
    vi: "Tờ hướng dẫn nhanh cho cán bộ đơn vị (PDF, in một trang)",
    en: "Quick guide for clerks (PDF, one page to print)",
  },
  "help.handoutPlanner": {
    vi: "Tờ hướng dẫn nhanh cho cán bộ tổng hợp (PDF, in một trang)",
    en: "Quick guide for planners (PDF, one page to print)",
  },
} as const;
