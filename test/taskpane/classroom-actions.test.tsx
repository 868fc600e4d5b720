import "./matchers";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { I18nProvider } from "../../src/taskpane/i18n";
import { ClassroomActions } from "../../src/taskpane/components/ClassroomActions";
import { createClassroomClient } from "../../src/taskpane/api/classroom";
import { CONNECTION } from "./fakes";

/** What the pane's requester reads of an answer (jsdom has no fetch Response). */
function json(status: number, body: unknown): Response {
  const type = status >= 400 ? "application/problem+json" : "application/json";
  return {
    status,
    ok: status < 300,
    headers: { get: (k: string) => (k.toLowerCase() === "content-type" ? type : null) },
    text: async () => JSON.stringify(body),
  } as unknown as Response;
}

describe("the demo planner's classroom controls", () => {
  it("fills the classroom and resets it through the endpoint, saying what happened in the pane's language", async () => {
    const calls: string[] = [];
    const doFetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      calls.push(`${init?.method} ${new URL(url).pathname}`);
      if (url.endsWith("/demo/populate"))
        return json(200, {
          unitCodes: ["DEMO-01", "DEMO-02", "DEMO-03"],
          periods: ["2026-Q2", "2026-Q3"],
          seed: 2026,
          epoch: 3,
          reports: [
            { unitCode: "DEMO-01", period: "2026-Q3", fate: "late", onTime: false, shows: [] },
            { unitCode: "DEMO-02", period: "2026-Q3", fate: "missing", onTime: null, shows: [] },
          ],
        });
      return json(200, { unitCodes: ["DEMO-01"], deleted: { submissions: 17, reports: 9, events: 4 }, epoch: 4 });
    });
    render(
      <FluentProvider theme={webLightTheme}>
        <I18nProvider locale="en">
          <ClassroomActions connection={CONNECTION} client={createClassroomClient(doFetch as typeof fetch, null)} />
        </I18nProvider>
      </FluentProvider>,
    );
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole("button", { name: "Fill the classroom" }));
    expect(await screen.findByRole("status")).toHaveTextContent(
      "The classroom is ready: 3 demo units, periods 2026-Q2, 2026-Q3 — 1 late, 1 missing, 0 returned, 0 accepted.",
    );
    await user.click(screen.getByRole("button", { name: "Reset the classroom" }));
    expect(await screen.findByText(/17 submissions of the demo units deleted/)).toBeInTheDocument();
    expect(calls).toEqual(["POST /api/v1/demo/populate", "POST /api/v1/demo/reset"]);
  });

  it("shows the endpoint's own refusal", async () => {
    const doFetch = jest.fn(async () =>
      json(403, {
        type: "urn:chitieu:problem:CT_ROLE_FORBIDDEN",
        title: "x",
        code: "CT_ROLE_FORBIDDEN",
        status: 403,
        message: { vi: "Mã truy cập loại “unit” không được làm việc này.", en: "A “unit” token may not do this." },
      }),
    );
    render(
      <FluentProvider theme={webLightTheme}>
        <I18nProvider locale="vi">
          <ClassroomActions connection={CONNECTION} client={createClassroomClient(doFetch as typeof fetch, null)} />
        </I18nProvider>
      </FluentProvider>,
    );
    await userEvent.setup({ delay: null }).click(screen.getByRole("button", { name: "Đặt lại lớp tập huấn" }));
    expect(await screen.findByRole("status")).toHaveTextContent(/Không thực hiện được/);
  });
});
