import "./matchers";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { NARRATIVE_MAX } from "../../src/domain";
import { narrativeOfSpec, specWithNarrative } from "../../src/workbook/narrative-read";
import type { TemplateSpec } from "../../src/workbook/template";
import { cleanEntries, setupSeeded } from "./setup";

describe("the narrative tab", () => {
  it("shows what the workbook holds, writes a part into its cell on leaving the field, and sends it with the report", async () => {
    const { user, api, workbook } = await setupSeeded(cleanEntries());
    workbook.spec = specWithNarrative(workbook.spec as TemplateSpec, { proposals: "Đề nghị bổ sung kinh phí." });
    await user.click(screen.getByRole("tab", { name: "Thuyết minh" }));
    const panel = screen.getByRole("tabpanel");
    expect(panel).toHaveAccessibleName("Thuyết minh");
    const proposals = await within(panel).findByRole("textbox", { name: "Kiến nghị, đề xuất" });
    expect(proposals).toHaveValue("Đề nghị bổ sung kinh phí.");
    const results = within(panel).getByRole("textbox", { name: "Kết quả nổi bật" });
    await user.type(results, "- Hoàn thành 95% kế hoạch");
    await user.tab();
    await waitFor(() => expect(workbook.writeNarrative).toHaveBeenCalledWith({ results: "- Hoàn thành 95% kế hoạch" }));
    expect(narrativeOfSpec(workbook.spec as TemplateSpec).narrative?.results).toBe("- Hoàn thành 95% kế hoạch");
    await user.click(screen.getByRole("tab", { name: /^Gửi$/ }));
    await user.click(within(screen.getByRole("tabpanel")).getByRole("button", { name: "Kiểm tra và gửi" }));
    await within(screen.getByRole("tabpanel")).findByText("Biên nhận");
    expect(api.stored[0].body.narrative).toEqual({
      results: "- Hoàn thành 95% kế hoạch",
      shortcomings: null,
      nextTasks: null,
      proposals: "Đề nghị bổ sung kinh phí.",
    });
  });

  it("names the cell of an over-long part, does not write it, and the report is not sent", async () => {
    const { user, api, workbook } = await setupSeeded(cleanEntries(), { locale: "en" });
    await user.click(screen.getByRole("tab", { name: "Narrative" }));
    const panel = screen.getByRole("tabpanel");
    const field = await within(panel).findByRole("textbox", { name: "Shortcomings and causes" });
    fireEvent.change(field, { target: { value: "x".repeat(NARRATIVE_MAX + 1) } });
    fireEvent.blur(field);
    expect(
      within(panel).getByText(
        `Shortcomings and causes (cell ThuyetMinh!C5) is 2,001 characters long, more than the 2,000 allowed. Shorten it.`,
      ),
    ).toBeInTheDocument();
    expect(workbook.writeNarrative).not.toHaveBeenCalled();
    // typed into the sheet itself (no limit there when pasted): refused when sending, naming the cell
    workbook.spec = specWithNarrative(workbook.spec as TemplateSpec, { nextTasks: "y".repeat(NARRATIVE_MAX + 3) });
    await user.click(screen.getByRole("tab", { name: "Submit" }));
    await user.click(within(screen.getByRole("tabpanel")).getByRole("button", { name: "Check and submit" }));
    expect(
      await within(screen.getByRole("tabpanel")).findByText(/cell ThuyetMinh!C6 holds 2003 characters/),
    ).toBeInTheDocument();
    expect(api.stored).toHaveLength(0);
  });
});
