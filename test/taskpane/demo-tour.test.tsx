/**
 * The classroom tours (issue 20): the step machine, the coach marks moved on by what the trainee does, skip / back /
 * restart, and the demo workbook's reset. Queries take `hidden: true` and test ids where Fluent's tabster may set
 * aria-hidden on the pane under load (the flake the old dialog tour had): the steps are checked, not the a11y tree.
 */
import "./matchers";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { I18nProvider } from "../../src/taskpane/i18n";
import { ClassroomTour, startTour, tourReducer, type TourState } from "../../src/taskpane/components/tour";
import { findAnchor } from "../../src/taskpane/components/tour/anchor";
import { setTourCondition, signalTour, tourHeld } from "../../src/taskpane/tour-signal";
import { demoResetChanges, resetDemoWorkbook } from "../../src/taskpane/demo-reset";
import { DEMO_RATIO_ERROR, tourSteps, type TourEvent } from "../../src/domain";
import { FakeApi, FakeWorkbook, WARD } from "./fakes";
import { cleanEntries, setupSeeded } from "./setup";

jest.setTimeout(30_000);

const NONE: ReadonlySet<TourEvent> = new Set();
const clerk = tourSteps("clerk");
const planner = tourSteps("planner");

function ids(s: TourState): string | null {
  return tourSteps(s.role)[s.index]?.id ?? null;
}

describe("the tour's step machine", () => {
  it("moves on only for the current step's event", () => {
    let s = startTour("clerk", NONE);
    expect(ids(s)).toBe("clerk-connect");
    s = tourReducer(s, { type: "event", event: "submitted", held: NONE });
    expect(ids(s)).toBe("clerk-connect");
    s = tourReducer(s, { type: "event", event: "connected", held: NONE });
    expect(ids(s)).toBe("clerk-period");
    expect(s.done).toEqual(["clerk-connect"]);
  });

  it("passes the steps whose state already holds, at the start and after an event", () => {
    let s = startTour("clerk", new Set<TourEvent>(["connected", "period-opened"]));
    expect(ids(s)).toBe("clerk-type");
    s = tourReducer(s, { type: "event", event: "value-typed", held: new Set<TourEvent>(["error-shown"]) });
    expect(ids(s)).toBe("clerk-fix");
    expect(s.done).toEqual(["clerk-connect", "clerk-period", "clerk-type", "clerk-error"]);
  });

  it("skips, goes back and restarts; a skipped step does not count as done", () => {
    let s = startTour("planner", NONE);
    s = tourReducer(s, { type: "next", held: NONE });
    expect(ids(s)).toBe("planner-open");
    expect(s.done).toEqual([]);
    s = tourReducer(s, { type: "back" });
    expect(ids(s)).toBe("planner-board");
    s = tourReducer(s, { type: "back" });
    expect(s.index).toBe(0);
    for (let i = 0; i < planner.length; i++) s = tourReducer(s, { type: "next", held: NONE });
    expect(ids(s)).toBeNull();
    expect(tourReducer(s, { type: "next", held: NONE })).toBe(s);
    s = tourReducer(s, { type: "restart", held: new Set<TourEvent>(["board-shown"]) });
    expect(ids(s)).toBe("planner-open");
    s = tourReducer(s, { type: "close" });
    expect(s.open).toBe(false);
    expect(tourReducer(s, { type: "event", event: "report-opened", held: NONE })).toBe(s);
  });
});

describe("where a coach mark points", () => {
  it("finds the visible control, the one inside an open panel before its tab", () => {
    document.body.innerHTML = `
      <button data-tour="submit" id="tab"></button>
      <div hidden><button data-tour="submit" id="hidden"></button></div>
      <button data-tour="other"></button>`;
    expect(findAnchor(document, "submit")?.id).toBe("tab");
    document.body.insertAdjacentHTML("beforeend", `<div><button data-tour="submit" id="inside"></button></div>`);
    expect(findAnchor(document, "submit")?.id).toBe("inside");
    expect(findAnchor(document, "nothing")).toBeNull();
    document.body.innerHTML = "";
  });
});

function renderTour(role: "clerk" | "planner", options: { anchors?: string[]; onReset?: () => Promise<void> } = {}) {
  const onClose = jest.fn();
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider locale="en">
        {(options.anchors ?? []).map((a) => (
          <button key={a} type="button" data-tour={a}>
            {`control ${a}`}
          </button>
        ))}
        <ClassroomTour role={role} onClose={onClose} onResetWorkbook={options.onReset} />
      </I18nProvider>
    </FluentProvider>,
  );
  return { ...view, onClose, user: userEvent.setup({ delay: null }) };
}

const stepShown = () => screen.getByTestId("tour").getAttribute("data-step");
const button = (name: string) => screen.getByRole("button", { name, hidden: true });

describe("the classroom tour's coach marks", () => {
  afterEach(() => {
    for (const e of tourHeld()) setTourCondition(e, false);
  });

  it("points at the step's control and moves on when the trainee does the step", async () => {
    setTourCondition("connected", true);
    renderTour("clerk", { anchors: ["period", "entry-form"] });
    expect(stepShown()).toBe("clerk-period");
    // the coach mark is beside the control: no "not on the pane" note
    expect(screen.queryByTestId("tour-note")).toBeNull();
    expect(screen.getByTestId("tour-action")).toHaveTextContent(clerk[1].action.en);
    act(() => signalTour("value-typed")); // not this step's event
    expect(stepShown()).toBe("clerk-period");
    act(() => setTourCondition("period-opened", true));
    await waitFor(() => expect(stepShown()).toBe("clerk-type"));
    expect(screen.getByText("Step 3 of 9")).toBeInTheDocument();
  });

  it("says when the control is not on the pane, and that the register has no task for the unit", async () => {
    const { user } = renderTour("clerk");
    expect(screen.getByTestId("tour-note")).toHaveTextContent("not on the pane yet");
    for (let i = 0; i < clerk.findIndex((s) => s.id === "clerk-task"); i++) await user.click(button("Skip step"));
    expect(stepShown()).toBe("clerk-task");
    expect(screen.getByTestId("tour-note")).toHaveTextContent("The register has no task for this unit");
    await user.click(button("Skip step"));
    expect(stepShown()).toBe("clerk-submit");
  });

  it("goes back, restarts and closes from its buttons", async () => {
    const { user, onClose } = renderTour("planner", { anchors: ["board", "board-unit"] });
    expect(button("Back")).toBeDisabled();
    act(() => signalTour("board-shown"));
    await waitFor(() => expect(stepShown()).toBe("planner-open"));
    await user.click(button("Back"));
    expect(stepShown()).toBe("planner-board");
    await user.click(button("Skip step"));
    await user.click(button("Skip step"));
    expect(stepShown()).toBe("planner-return");
    await user.click(button("Restart"));
    expect(stepShown()).toBe("planner-board");
    await user.click(button("Close the tour"));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId("tour")).toBeNull();
  });

  it("ends with what was done, and resets the demo workbook for the clerk", async () => {
    const onReset = jest.fn(async () => undefined);
    const { user } = renderTour("clerk", { onReset });
    act(() => signalTour("connected"));
    await waitFor(() => expect(stepShown()).toBe("clerk-period"));
    for (let i = 1; i < clerk.length; i++) await user.click(button("Skip step"));
    expect(screen.getByTestId("tour")).toHaveTextContent("You did 1 of the 9 steps.");
    await user.click(button("Reset the demo workbook"));
    expect(onReset).toHaveBeenCalledTimes(1);
    expect(await screen.findByText(/chitieu demo reset/)).toBeInTheDocument();
  });

  it("says so when the reset fails", async () => {
    const failure = Object.assign(new Error("x"), {
      code: "WB_LOCKED",
      messages: { vi: "Sổ đang bị khoá.", en: "The workbook is locked." },
    });
    const { user } = renderTour("clerk", { onReset: async () => Promise.reject(failure) });
    for (let i = 0; i < clerk.length; i++) await user.click(button("Skip step"));
    await user.click(button("Reset the demo workbook"));
    expect(await screen.findByText(/could not be reset/)).toBeInTheDocument();
  });
});

describe("the clerk's tour in the pane", () => {
  afterEach(() => {
    for (const e of tourHeld()) setTourCondition(e, false);
  });

  it("starts from the demo banner where there is something to do, and follows the form and the issues", async () => {
    const api = new FakeApi();
    api.meValue = { role: "unit", unit: WARD, demo: true };
    const entries = cleanEntries();
    const { user } = await setupSeeded(entries, { api });
    await user.click(
      within(screen.getByTestId("demo-banner")).getByRole("button", { name: /nhập liệu/, hidden: true }),
    );
    await waitFor(() => expect(stepShown()).toBe("clerk-type"));
    // a rate target of the open group: a numerator three times its denominator is an error
    const numerator = screen.getAllByLabelText(/^\S+ · Tử số/)[0] as HTMLInputElement;
    const targetId = numerator.closest("[data-target]")!.getAttribute("data-target");
    const ratio = entries.find((e) => e.targetId === targetId)!;
    await user.clear(numerator);
    await user.type(numerator, String(Number(ratio.denominator) * 3));
    await user.tab();
    await waitFor(() => expect(stepShown()).toBe("clerk-error"));
    await user.click(screen.getByRole("tab", { name: /^Vấn đề/, hidden: true }));
    await waitFor(() => expect(stepShown()).toBe("clerk-fix"));
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
