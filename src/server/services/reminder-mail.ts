/**
 * A reminder e-mail's text, in Vietnamese and English (the configured language first): the unit (name and code),
 * the period, the deadline (Hanoi date) and how to submit. Plain text; NFC.
 */
import { periodLabel } from "../../domain";
import type { Period, Unit } from "../../domain/types";

export type ReminderKind = "before" | "after";

export interface ReminderMail {
  subject: string;
  text: string;
}

function dmy(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

function vi(unit: Unit, period: Period, deadline: string, kind: ReminderKind, publicUrl: string | null): string {
  const head =
    kind === "before"
      ? `Báo cáo ${periodLabel(period, "vi")} (kỳ ${period.id}) của ${unit.name.vi} (mã ${unit.code}) cần nộp chậm nhất ngày ${dmy(deadline)}. Hệ thống chưa nhận được báo cáo này.`
      : `Báo cáo ${periodLabel(period, "vi")} (kỳ ${period.id}) của ${unit.name.vi} (mã ${unit.code}) đã quá hạn nộp (hạn ${dmy(deadline)}) và hệ thống chưa nhận được.`;
  const how = [
    "Cách nộp:",
    "- Mở sổ báo cáo trong Excel, mở bổ trợ Chỉ tiêu, kiểm tra rồi bấm Nộp báo cáo ở thẻ Nộp;",
    publicUrl
      ? `- hoặc tải sổ đã điền lên trang ${publicUrl};`
      : "- hoặc tải sổ đã điền lên trang web của máy chủ Chỉ tiêu;",
    "- hoặc dùng lệnh: chitieu submit <sổ.xlsx> --endpoint <địa chỉ> --token <mã>.",
    "Nếu đơn vị đã nộp sau khi thư này được gửi, xin bỏ qua thư này.",
  ];
  return [`Kính gửi ${unit.name.vi},`, "", head, "", ...how].join("\n");
}

function en(unit: Unit, period: Period, deadline: string, kind: ReminderKind, publicUrl: string | null): string {
  const head =
    kind === "before"
      ? `The ${periodLabel(period, "en")} report (period ${period.id}) of ${unit.name.en} (code ${unit.code}) is due by ${dmy(deadline)} (Hanoi time). It has not been received yet.`
      : `The ${periodLabel(period, "en")} report (period ${period.id}) of ${unit.name.en} (code ${unit.code}) is overdue (deadline ${dmy(deadline)}) and has not been received.`;
  const how = [
    "How to submit:",
    "- open the report workbook in Excel, open the Chỉ tiêu add-in, check it and press Submit on the Submit tab;",
    publicUrl
      ? `- or upload the filled workbook at ${publicUrl};`
      : "- or upload the filled workbook on the Chỉ tiêu endpoint's web page;",
    "- or run: chitieu submit <workbook.xlsx> --endpoint <address> --token <token>.",
    "If the unit submitted after this mail was sent, please ignore it.",
  ];
  return [`Dear ${unit.name.en},`, "", head, "", ...how].join("\n");
}

export function reminderMail(
  unit: Unit,
  period: Period,
  deadline: string,
  kind: ReminderKind,
  opts: { locale: "vi" | "en"; publicUrl: string | null },
): ReminderMail {
  const subjectVi =
    kind === "before"
      ? `Nhắc nộp báo cáo ${period.id} trước ${dmy(deadline)} — ${unit.name.vi}`
      : `Báo cáo ${period.id} quá hạn ${dmy(deadline)} — ${unit.name.vi}`;
  const subjectEn =
    kind === "before"
      ? `Report ${period.id} due ${dmy(deadline)}`
      : `Report ${period.id} overdue since ${dmy(deadline)}`;
  const parts = [vi(unit, period, deadline, kind, opts.publicUrl), en(unit, period, deadline, kind, opts.publicUrl)];
  if (opts.locale === "en") parts.reverse();
  const subject =
    opts.locale === "en" ? `[Chỉ tiêu] ${subjectEn} / ${subjectVi}` : `[Chỉ tiêu] ${subjectVi} / ${subjectEn}`;
  return { subject: subject.normalize("NFC"), text: `${parts.join("\n\n— — —\n\n")}\n`.normalize("NFC") };
}
