/**
 * Demo tasks for trainers (issue #19, item 4): three tasks of the demo units DEMO-01 (a demo ward) and DEMO-02 (a
 * demo department), one of them already past its deadline in 2026-Q1 so a class sees the "late" rule. Status `demo`:
 * they are never on a real board (buildTaskBoard leaves them out unless includeDemo), and their progress travels in
 * the demo units' reports, which the demo reset deletes.
 */
import type { Task } from "./types";

const base: Pick<
  Task,
  "list" | "group" | "milestones" | "bottleneck" | "source" | "status" | "effectiveFrom" | "retiredFrom" | "leadText"
> = {
  list: "demo",
  group: "Trình diễn / Demo",
  milestones: [],
  bottleneck: null,
  source: "Dữ liệu trình diễn để đào tạo / demo data for training",
  status: "demo",
  effectiveFrom: "2026-01",
  retiredFrom: null,
  leadText: null,
};

export const DEMO_TASKS: readonly Task[] = [
  {
    ...base,
    id: "DEMO-T1",
    name: { vi: "Cải tạo vỉa hè tuyến phố trình diễn", en: "Repave the demo street's pavements" },
    kind: "work",
    leadUnitCode: "DEMO-01",
    coUnitCodes: ["DEMO-02"],
    focalPerson: "Phó Chủ tịch UBND phường (trình diễn)",
    product: "Vỉa hè 1,2 km hoàn thành, nghiệm thu",
    deadline: "2026-02",
    milestones: [{ label: "Khởi công", due: "2026-01" }],
    linkedTargets: ["U14"],
    bottleneck: "urban_order",
  },
  {
    ...base,
    id: "DEMO-T2",
    name: {
      vi: "Phân loại rác tại nguồn ở khu dân cư trình diễn",
      en: "Sort waste at source in the demo neighbourhood",
    },
    kind: "task",
    leadUnitCode: "DEMO-01",
    coUnitCodes: [],
    focalPerson: "Cán bộ môi trường phường (trình diễn)",
    product: "100 % hộ dân phân loại rác",
    deadline: "2026-12-31",
    linkedTargets: [],
  },
  {
    ...base,
    id: "DEMO-T3",
    name: { vi: "Đề án chuyển đổi số của sở trình diễn", en: "The demo department's digital transformation scheme" },
    kind: "scheme",
    leadUnitCode: "DEMO-02",
    coUnitCodes: ["DEMO-01"],
    focalPerson: "Phó Giám đốc sở (trình diễn)",
    product: "Đề án được phê duyệt",
    deadline: "2026-06-30",
    linkedTargets: [],
  },
];
