import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
  Text,
} from "@fluentui/react-components";
import type { Bilingual } from "../../domain/types";
import { useI18n } from "../i18n";
import type { DemoTourProps } from "./DemoTour.types";

export type { DemoTourProps };

/** The guided tour a trainer follows with the demo unit: one step at a time, then a reset to the starting sheet. */
export const TOUR_STEPS: readonly { title: Bilingual; body: Bilingual }[] = [
  {
    title: { vi: "1. Kết nối", en: "1. Connect" },
    body: {
      vi: "Ngăn đã kết nối bằng mã của đơn vị trình diễn DEMO-01; tên đơn vị hiện ở đầu ngăn. Mọi số liệu ở đây là dữ liệu trình diễn.",
      en: "The pane is connected with the demo unit DEMO-01's token; its name shows at the top. Everything here is demonstration data.",
    },
  },
  {
    title: { vi: "2. Nhập số liệu", en: "2. Fill in figures" },
    body: {
      vi: 'Chọn kỳ 2026-Q1 và mở mẫu. Gõ một số vào ô vàng trên trang Nhap hoặc vào biểu mẫu: hai bên luôn khớp nhau. Gõ được cả "12,5" lẫn "12.5"; ô trống không phải số 0.',
      en: 'Choose 2026-Q1 and open the report. Type a figure in a yellow cell of the Nhap sheet or in the form: both stay in step. "12,5" and "12.5" both work; a blank is not a zero.',
    },
  },
  {
    title: { vi: "3. Xem vấn đề", en: "3. See an issue" },
    body: {
      vi: "Mở thẻ Vấn đề: lỗi (chặn việc gửi) đứng trước, cảnh báo sau. Bấm một vấn đề để chọn đúng ô của nó. Thử sửa lỗi tử số lớn hơn mẫu số.",
      en: "Open the Issues tab: errors (which block submission) come first, then warnings. Choose one to select its cell. Try fixing the numerator above its denominator.",
    },
  },
  {
    title: { vi: "4. Giải trình", en: "4. Justify" },
    body: {
      vi: "Chỉ tiêu chưa đạt mục tiêu cần giải trình: gõ lý do ngay dưới cảnh báo (ít nhất 10 ký tự). Lời giải trình được ghi vào sổ và gửi kèm báo cáo.",
      en: "An off-target figure needs a justification: type the reason right under the warning (10 characters at least). It is written into the workbook and sent with the report.",
    },
  },
  {
    title: { vi: "5. Gửi báo cáo", en: "5. Submit" },
    body: {
      vi: "Kiểm tra và gửi: máy chủ kiểm tra lại bằng cùng quy tắc rồi trả biên nhận. Khi mất mạng, báo cáo chờ trong sổ và tự gửi khi có mạng — không bao giờ gửi trùng.",
      en: "Check and submit: the endpoint checks again with the same rules and gives a receipt. Offline, the report waits in the workbook and goes out by itself later — never twice.",
    },
  },
  {
    title: { vi: "6. Xem như cán bộ tổng hợp", en: "6. See it as a planner" },
    body: {
      vi: "Kết nối lại bằng mã trình diễn của cán bộ tổng hợp (in ra khi chạy npm start): xem đơn vị nào đã gửi, trả lại kèm ý kiến, và tổng hợp vào sổ. Sau buổi học, đặt lại dữ liệu trình diễn.",
      en: "Connect again with the demo planner token (printed by npm start): see who has submitted, return a report with a comment, and consolidate into the workbook. After the session, reset the demo.",
    },
  },
];

export function DemoTour(props: DemoTourProps): React.JSX.Element {
  const { b } = useI18n();
  const [step, setStep] = React.useState(0);
  const [resetState, setResetState] = React.useState<"idle" | "busy" | "done" | Bilingual>("idle");
  const last = step === TOUR_STEPS.length - 1;
  const current = TOUR_STEPS[step];

  const handleReset = async (): Promise<void> => {
    setResetState("busy");
    try {
      await props.onResetWorkbook();
      setResetState("done");
    } catch (e) {
      const message = (e as { messages?: Bilingual }).messages;
      setResetState(
        message ?? { vi: "Không đặt lại được sổ trình diễn.", en: "The demo workbook could not be reset." },
      );
    }
  };

  return (
    <Dialog>
      <DialogTrigger disableButtonEnhancement>
        <Button size="small">{b({ vi: "Hướng dẫn từng bước", en: "Guided tour" })}</Button>
      </DialogTrigger>
      <DialogSurface aria-describedby="demo-tour-body">
        <DialogBody>
          <DialogTitle>{b(current.title)}</DialogTitle>
          <DialogContent>
            <Text as="p" id="demo-tour-body">
              {b(current.body)}
            </Text>
            <Text size={200}>
              {b({ vi: `Bước ${step + 1}/${TOUR_STEPS.length}`, en: `Step ${step + 1} of ${TOUR_STEPS.length}` })}
            </Text>
            {last && resetState === "done" && (
              <MessageBar intent="success">
                <MessageBarBody>
                  {b({
                    vi: "Sổ trình diễn đã về trạng thái ban đầu. Dữ liệu trên máy chủ: chitieu demo reset (mã cán bộ tổng hợp).",
                    en: "The demo workbook is back to its starting state. On the endpoint: chitieu demo reset (planner token).",
                  })}
                </MessageBarBody>
              </MessageBar>
            )}
            {last && typeof resetState === "object" && (
              <MessageBar intent="error">
                <MessageBarBody>{b(resetState)}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <Button disabled={step === 0} onClick={() => setStep((s) => s - 1)}>
              {b({ vi: "Quay lại", en: "Back" })}
            </Button>
            {last ? (
              <Button appearance="primary" disabled={resetState === "busy"} onClick={() => void handleReset()}>
                {b({ vi: "Đặt lại sổ trình diễn", en: "Reset the demo workbook" })}
              </Button>
            ) : (
              <Button appearance="primary" onClick={() => setStep((s) => s + 1)}>
                {b({ vi: "Tiếp", en: "Next" })}
              </Button>
            )}
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="subtle">{b({ vi: "Đóng", en: "Close" })}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
