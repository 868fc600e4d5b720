/**
 * The city units that lead key tasks in the starter list (key-tasks-from-sources.csv) but are not in the default
 * unit list: departments, project boards, a steering committee, city hospitals. A STARTER list, to be confirmed by
 * the planners (`toConfirm`), with our own codes. They are in the group TASK_UNITS_GROUP, so they report on their
 * tasks and on no target until a planner lists targets for them. Investors and consortia named by the sources
 * (Vingroup, FPT, PPP consortia) are not city units: they stay in a task's `leadText`, never become units.
 */
import type { Unit } from "../types";
import { TASK_UNITS_GROUP } from "../rules/applicability";

/** [code, name (vi, NFC, as the sources write it once notes in brackets are dropped), name (en)] */
export const TASK_UNIT_ROWS: readonly (readonly [string, string, string])[] = [
  ["S-QHKT", "Sở Quy hoạch - Kiến trúc", "Department of Planning and Architecture"],
  ["CA-TP", "Công an thành phố", "City Police"],
  ["UBND-TP", "UBND Thành phố", "Hanoi People's Committee"],
  ["BCD-57", "Ban Chỉ đạo 57 Thành ủy", "City Party Committee Steering Committee 57"],
  ["BQL-DSDT", "Ban Quản lý đường sắt đô thị Hà Nội", "Hanoi Metropolitan Railway Management Board"],
  [
    "BQL-GT",
    "Ban Quản lý dự án đầu tư xây dựng công trình giao thông thành phố Hà Nội",
    "Hanoi Transport Works Project Management Board",
  ],
  [
    "BQL-DD",
    "Ban Quản lý dự án đầu tư xây dựng công trình dân dụng thành phố Hà Nội",
    "Hanoi Civil Works Project Management Board",
  ],
  [
    "BQL-KCN",
    "Ban Quản lý các khu công nghệ cao và khu công nghiệp thành phố Hà Nội",
    "Hanoi High-Tech and Industrial Parks Authority",
  ],
  ["TT-HCC", "Trung tâm Phục vụ hành chính công thành phố Hà Nội", "Hanoi Public Administration Service Centre"],
  ["VIEN-QHXD", "Viện Quy hoạch xây dựng Hà Nội", "Hanoi Urban Planning Institute"],
  ["BV-DG", "Bệnh viện Đa khoa Đức Giang", "Duc Giang General Hospital"],
  ["BV-XP", "Bệnh viện Đa khoa Xanh Pôn", "Saint Paul General Hospital"],
  ["BV-UB", "Bệnh viện Ung bướu Hà Nội", "Hanoi Oncology Hospital"],
];

/** A fresh copy of the units added for the task register (to be confirmed). */
export function taskUnits(): Unit[] {
  return TASK_UNIT_ROWS.map(([code, vi, en]) => ({
    code,
    kind: "department",
    name: { vi: vi.normalize("NFC"), en },
    targetIds: [],
    toConfirm: true,
    demo: false,
    groups: ["departments", TASK_UNITS_GROUP],
  }));
}
