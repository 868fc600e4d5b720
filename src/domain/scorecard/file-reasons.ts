/**
 * Why a file of a consolidation is not used as is (bilingual, naming what to do): skipped, identical, superseded or in
 * conflict. The texts are part of the CLI's and the workbook's output: change them only with their tests.
 */
import type { FileReason } from "./consolidation-types";

export const fileReasons = {
  otherPeriod: (found: string, wanted: string): FileReason => ({
    code: "other_period",
    message: {
      vi: `Sổ báo cáo kỳ ${found}, không phải kỳ đang tổng hợp (${wanted}): bỏ qua.`,
      en: `The workbook reports period ${found}, not the period being consolidated (${wanted}): skipped.`,
    },
  }),
  outsideGroup: (unitCode: string): FileReason => ({
    code: "outside_group",
    message: {
      vi: `Đơn vị ${unitCode} không thuộc nhóm đơn vị đang tổng hợp: bỏ qua.`,
      en: `Unit ${unitCode} is not in the unit group being consolidated: skipped.`,
    },
  }),
  retired: (unitCode: string, retiredFrom: string, period: string): FileReason => ({
    code: "unit_retired",
    message: {
      vi: `Đơn vị ${unitCode} đã thôi báo cáo từ kỳ ${retiredFrom}; sổ kỳ ${period} của đơn vị không được tổng hợp: bỏ qua.`,
      en: `Unit ${unitCode} no longer reports from period ${retiredFrom} on; its workbook for ${period} is not consolidated: skipped.`,
    },
  }),
  demo: (unitCode: string): FileReason => ({
    code: "demo_workbook",
    message: {
      vi: `Sổ của đơn vị trình diễn ${unitCode} (dùng để tập huấn) không được đưa vào số liệu thật: bỏ qua. Tổng hợp lớp tập huấn: thêm --demo.`,
      en: `The workbook of demo unit ${unitCode} (for training) never enters real figures: skipped. To consolidate the classroom, add --demo.`,
    },
  }),
  badPeriod: (period: string): FileReason => ({
    code: "unknown_period",
    message: {
      vi: `Kỳ báo cáo "${period}" trong sổ không hợp lệ. Hãy tải lại mẫu đúng kỳ và chép số liệu sang.`,
      en: `The workbook's report period "${period}" is not valid. Download the template for the right period and copy the figures into it.`,
    },
  }),
  identical: (kept: string): FileReason => ({
    code: "identical_copy",
    message: {
      vi: `Bản sao giống hệt tệp "${kept}" (cùng đơn vị, cùng kỳ, cùng số liệu): chỉ tính một lần.`,
      en: `An identical copy of "${kept}" (same unit, period and figures): counted once.`,
    },
  }),
  superseded: (by: string): FileReason => ({
    code: "superseded",
    message: {
      vi: `Có tệp mới hơn cho cùng đơn vị và kỳ ("${by}"); theo xác nhận của người tổng hợp, dùng tệp mới hơn.`,
      en: `A newer file for the same unit and period exists ("${by}"); as the planner confirmed, the newer file is used.`,
    },
  }),
  conflict: (others: string[], canResolve: boolean): FileReason => ({
    code: canResolve ? "duplicate_unit_period" : "duplicate_unresolvable",
    message: canResolve
      ? {
          vi: `Trùng đơn vị và kỳ với tệp ${others.map((o) => `"${o}"`).join(", ")} nhưng số liệu khác nhau: chưa tệp nào được dùng. Xác nhận dùng tệp mới hơn (CLI: --prefer-newer) hoặc bỏ bớt một tệp.`,
          en: `Same unit and period as ${others.map((o) => `"${o}"`).join(", ")} with different figures: neither file is used yet. Confirm that the newer file wins (CLI: --prefer-newer) or remove one file.`,
        }
      : {
          vi: `Trùng đơn vị và kỳ với tệp ${others.map((o) => `"${o}"`).join(", ")}, số liệu khác nhau và không biết tệp nào mới hơn (thiếu hoặc trùng thời điểm lưu): hãy bỏ bớt một tệp.`,
          en: `Same unit and period as ${others.map((o) => `"${o}"`).join(", ")} with different figures, and which is newer cannot be told (save time missing or equal): remove one of the files.`,
        },
  }),
};
