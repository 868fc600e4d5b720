import { TOURS, tourSteps, type TourStep } from "../../src/domain";

const all: TourStep[] = [...TOURS.clerk, ...TOURS.planner];

describe("the classroom tours", () => {
  it("give every step a unique id and a role that matches its tour", () => {
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    for (const role of ["clerk", "planner"] as const) {
      for (const step of tourSteps(role)) expect(step.role).toBe(role);
    }
  });

  it("cover the steps issue #20 asks for, in order", () => {
    expect(tourSteps("clerk").map((s) => s.until)).toEqual([
      "connected",
      "period-opened",
      "value-typed",
      "error-shown",
      "error-fixed",
      "justified",
      "marked-not-applicable",
      "task-reported",
      "submitted",
    ]);
    expect(tourSteps("planner").map((s) => s.until)).toEqual([
      "board-shown",
      "report-opened",
      "report-returned",
      "report-accepted",
      "consolidated",
      "scorecard-read",
    ]);
  });

  it("write every text in both languages, Vietnamese in NFC, with no Vietnamese letters in the English", () => {
    for (const step of all) {
      for (const text of [step.title, step.action, step.why]) {
        expect(text.vi.trim().length).toBeGreaterThan(0);
        expect(text.en.trim().length).toBeGreaterThan(0);
        expect(text.vi).toBe(text.vi.normalize("NFC"));
        expect(text.en).not.toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
      }
      expect(step.anchor).toMatch(/^[a-z][a-z-]*$/);
    }
  });
});
