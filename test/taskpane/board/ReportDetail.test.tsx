/**
 * One report on the planner's board (issue 18) beside its figures: the unit's key-task progress (late marked, with
 * percent, milestone, product, evidence, obstacles, proposals), the narrative's four parts under their labels, and the
 * narrative parts and task rows the diff says changed — in Vietnamese and English.
 */
import "../matchers";
import { render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { blankTaskProgress, defaultCatalog, type Locale } from "../../../src/domain";
import { ReportDetail } from "../../../src/taskpane/components/board/ReportDetail";
import type { DiffResponse, ReportResponse } from "../../../src/taskpane/api/board";
import { I18nProvider } from "../../../src/taskpane/i18n";
import { CONNECTION } from "../fakes";
import { fakeClient, reportOf, unit } from "./board-fixture";

type TaskRow = NonNullable<ReportResponse["tasks"]>[number];

function task(id: string, over: Partial<TaskRow>): TaskRow {
  // every progress field blank, as the template starts it
  const { taskId: _id, state: _state, ...blank } = blankTaskProgress(id);
  return {
    ...blank,
    taskId: id,
    name: { vi: `Nhiệm vụ ${id}`, en: `Task ${id}` },
    role: "lead",
    deadline: "2026-12-31",
    product: null,
    reported: true,
    reportedState: "on_track",
    state: "on_track",
    late: false,
    ...over,
  };
}

const TASKS: TaskRow[] = [
  task("KT1", {
    deadline: "2026-02",
    product: "Vỉa hè 1,2 km",
    state: "late",
    late: true,
    percent: 70,
    milestone: "Khởi công",
    evidence: "Biên bản kiểm tra",
    evidenceRef: "Số 12/BB-UBND",
    obstacles: "Chưa bàn giao mặt bằng",
    proposals: "Đề nghị Sở Xây dựng hỗ trợ",
    justification: "Chậm do mặt bằng",
  }),
  task("KT2", { role: "co", state: "done", reportedState: "done", productDelivered: "Đề án đã duyệt" }),
  task("KT3", { reported: false, reportedState: null, state: null }),
];

const NARRATIVE = {
  results: "Thu ngân sách đạt 95% kế hoạch.",
  shortcomings: "Giải ngân chậm.",
  nextTasks: null,
  proposals: "Bổ sung kinh phí.",
};

function withParts(code: string): ReportResponse {
  const r = reportOf(code);
  return { ...r, report: { ...r.report, narrative: NARRATIVE }, tasks: TASKS };
}

function diffWithParts(d: DiffResponse): DiffResponse {
  return {
    ...d,
    narrative: [{ part: "shortcomings", from: "Giải ngân chậm do thiếu vốn.", to: "Giải ngân chậm." }],
    tasks: [
      {
        taskId: "KT2",
        fields: ["state", "percent"],
        from: { ...blankTaskProgress("KT2"), state: "on_track", percent: 40 },
        to: { ...blankTaskProgress("KT2"), state: "done", percent: 100 },
      },
    ],
  };
}

function show(locale: Locale, report: (code: string) => ReportResponse, parts = true) {
  const client = fakeClient();
  client.report.mockImplementation(async (_c: unknown, code: string) => report(code));
  const plain = client.diff.getMockImplementation()!;
  if (parts)
    client.diff.mockImplementation(async (...args: unknown[]) =>
      diffWithParts(await (plain(...args) as Promise<DiffResponse>)),
    );
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider locale={locale}>
        <ReportDetail
          client={client}
          connection={CONNECTION}
          catalog={defaultCatalog()}
          unit={unit("00004", "submitted_on_time")}
          period="2026-Q1"
          unitName="Phường 00004 (00004)"
          onBack={jest.fn()}
          onDone={jest.fn()}
        />
      </I18nProvider>
    </FluentProvider>,
  );
  return client;
}

jest.setTimeout(30_000);

describe("one report on the planner's board, beside its figures", () => {
  it("shows the unit's key-task progress: late marked, with percent, milestone, product, evidence, obstacles, proposals", async () => {
    show("vi", withParts);
    const tasks = await screen.findByTestId("board-tasks");
    expect(tasks).toHaveTextContent("3 nhiệm vụ; 1 chậm tiến độ; 1 chưa báo cáo.");
    const late = within(tasks).getByTestId("board-task-KT1");
    expect(late).toHaveTextContent("KT1 · Nhiệm vụ KT1");
    expect(late).toHaveTextContent("Chậm tiến độ");
    expect(late).toHaveTextContent("chủ trì");
    expect(late).toHaveTextContent("Thời hạn: 02/2026");
    expect(late).toHaveTextContent("Quá hạn, chưa hoàn thành (đơn vị chọn: Đúng tiến độ)");
    for (const line of [
      "Sản phẩm phải có: Vỉa hè 1,2 km",
      "Tiến độ (%): 70",
      "Mốc đã đạt: Khởi công",
      "Minh chứng: Biên bản kiểm tra",
      "Đường dẫn / số văn bản: Số 12/BB-UBND",
      "Khó khăn, vướng mắc: Chưa bàn giao mặt bằng",
      "Kiến nghị: Đề nghị Sở Xây dựng hỗ trợ",
      "Lý do chậm: Chậm do mặt bằng",
    ])
      expect(within(late).getByText(line)).toBeInTheDocument();
    const done = within(tasks).getByTestId("board-task-KT2");
    expect(done).toHaveTextContent("Hoàn thành");
    expect(done).toHaveTextContent("phối hợp");
    expect(done).toHaveTextContent("Sản phẩm đã có: Đề án đã duyệt");
    expect(done).not.toHaveTextContent("Quá hạn");
    expect(within(tasks).getByTestId("board-task-KT3")).toHaveTextContent("Chưa báo cáo");
  });

  it("shows the narrative's four parts under their labels, a blank one as left blank", async () => {
    show("vi", withParts);
    const narrative = await screen.findByTestId("board-narrative");
    const terms = within(narrative)
      .getAllByRole("term")
      .map((t) => t.textContent);
    expect(terms).toEqual([
      "Kết quả nổi bật",
      "Tồn tại, hạn chế và nguyên nhân",
      "Nhiệm vụ, giải pháp kỳ tới",
      "Kiến nghị, đề xuất",
    ]);
    const texts = within(narrative)
      .getAllByRole("definition")
      .map((t) => t.textContent);
    expect(texts).toEqual([NARRATIVE.results, NARRATIVE.shortcomings, "(không ghi)", NARRATIVE.proposals]);
  });

  it("lists in the diff the narrative parts and the task rows that changed", async () => {
    show("vi", withParts);
    const narrative = await screen.findByTestId("board-diff-narrative");
    expect(narrative).toHaveTextContent("Thuyết minh đã sửa");
    expect(narrative).toHaveTextContent("Tồn tại, hạn chế và nguyên nhân");
    expect(within(narrative).getByText("Trước: Giải ngân chậm do thiếu vốn.")).toBeInTheDocument();
    expect(within(narrative).getByText("Nay: Giải ngân chậm.")).toBeInTheDocument();
    const tasks = screen.getByTestId("board-diff-tasks");
    expect(within(tasks).getByText("Trạng thái: Đúng tiến độ → Hoàn thành")).toBeInTheDocument();
    expect(within(tasks).getByText("Tiến độ (%): 40 → 100")).toBeInTheDocument();
  });

  it("says so when the narrative did not change, and shows no task section for a unit without key tasks", async () => {
    show("vi", reportOf, false);
    await screen.findByText("Phần thuyết minh không thay đổi.");
    expect(screen.queryByTestId("board-diff-tasks")).toBeNull();
    expect(screen.queryByTestId("board-tasks")).toBeNull();
    expect(screen.getByTestId("board-narrative")).toHaveTextContent("Báo cáo này không có phần thuyết minh.");
  });

  it("reads the same in English", async () => {
    show("en", withParts);
    const tasks = await screen.findByTestId("board-tasks");
    expect(tasks).toHaveTextContent("Key-task progress");
    expect(tasks).toHaveTextContent("3 tasks; 1 late; 1 not reported.");
    const late = within(tasks).getByTestId("board-task-KT1");
    expect(late).toHaveTextContent("Past its deadline, not done (the unit chose: On track)");
    expect(within(late).getByText("Obstacles: Chưa bàn giao mặt bằng")).toBeInTheDocument();
    expect(screen.getByTestId("board-narrative")).toHaveTextContent("Shortcomings and causes");
    expect(await screen.findByTestId("board-diff-tasks")).toHaveTextContent("Progress (%): 40 → 100");
  });
});
