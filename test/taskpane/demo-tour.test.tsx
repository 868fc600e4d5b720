import "./matchers";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { I18nProvider } from "../../src/taskpane/i18n";
import { DemoTour, TOUR_STEPS } from "../../src/taskpane/components/DemoTour";
import { demoResetChanges, resetDemoWorkbook } from "../../src/taskpane/demo-reset";
import { DEMO_RATIO_ERROR } from "../../src/domain";
import { FakeWorkbook } from "./fakes";

jest.setTimeout(30_000);

function renderTour(onResetWorkbook: () => Promise<void>, locale: "vi" | "en" = "vi") {
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider locale={locale}>
        <DemoTour onResetWorkbook={onResetWorkbook} />
      </I18nProvider>
    </FluentProvider>,
  );
  return userEvent.setup();
}

describe("the demo guided tour", () => {
  it("walks the six steps from connect to seeing the report as a planner", async () => {
    const user = renderTour(
      jest.fn(async () => undefined),
      "en",
    );
    await user.click(screen.getByRole("button", { name: "Guided tour" }));
    expect(screen.getByRole("dialog")).toHaveTextContent("1. Connect");
    expect(screen.getByRole("button", { name: "Back" })).toBeDisabled();
    for (const step of TOUR_STEPS.slice(1)) {
      await user.click(screen.getByRole("button", { name: "Next" }));
      expect(screen.getByRole("dialog")).toHaveTextContent(step.title.en);
    }
    expect(screen.getByRole("dialog")).toHaveTextContent("Step 6 of 6");
    expect(screen.queryByRole("button", { name: "Next" })).toBeNull();
  });

  it("resets the demo workbook from the last step and says where the endpoint's demo data is reset", async () => {
    const onReset = jest.fn(async () => undefined);
    const user = renderTour(onReset);
    await user.click(screen.getByRole("button", { name: "Hướng dẫn từng bước" }));
    for (let i = 1; i < TOUR_STEPS.length; i++) await user.click(screen.getByRole("button", { name: "Tiếp" }));
    await user.click(screen.getByRole("button", { name: "Đặt lại sổ trình diễn" }));
    expect(onReset).toHaveBeenCalledTimes(1);
    expect(await screen.findByText(/chitieu demo reset/)).toBeInTheDocument();
  });

  it("shows the workbook's own message when the reset fails", async () => {
    const failure = Object.assign(new Error("x"), {
      messages: { vi: "Sổ đang bị khoá.", en: "The workbook is locked." },
    });
    const user = renderTour(
      jest.fn(async () => Promise.reject(failure)),
      "en",
    );
    await user.click(screen.getByRole("button", { name: "Guided tour" }));
    for (let i = 1; i < TOUR_STEPS.length; i++) await user.click(screen.getByRole("button", { name: "Next" }));
    await user.click(screen.getByRole("button", { name: "Reset the demo workbook" }));
    expect(await screen.findByText("The workbook is locked.")).toBeInTheDocument();
  });
});

describe("resetting the demo workbook", () => {
  it("writes every input cell of the training sample in one write, clearing justifications", async () => {
    const wb = new FakeWorkbook();
    await resetDemoWorkbook(wb);
    expect(wb.writeEntries).toHaveBeenCalledTimes(1);
    const changes = wb.writeEntries.mock.calls[0][0];
    expect(changes).toEqual(demoResetChanges());
    const numerator = changes.find((c) => c.targetId === DEMO_RATIO_ERROR && c.field === "numerator")!;
    const denominator = changes.find((c) => c.targetId === DEMO_RATIO_ERROR && c.field === "denominator")!;
    expect(Number(numerator.raw)).toBeGreaterThan(Number(denominator.raw));
    expect(changes.filter((c) => c.field === "justification").every((c) => c.raw === null)).toBe(true);
  });

  it("refuses to reset a real unit's workbook", () => {
    expect(() => demoResetChanges("00004")).toThrow(/real unit/);
  });
});
