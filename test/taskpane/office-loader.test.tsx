import "./matchers";
import { bootOffice, officeHostHint } from "../../src/taskpane/office-loader";

type Win = Parameters<typeof officeHostHint>[0];

function fakeWindow(
  over: {
    search?: string;
    name?: string;
    session?: Record<string, string>;
    external?: unknown;
    agaveHost?: unknown;
    Office?: unknown;
  } = {},
): Win {
  const session = new Map(Object.entries(over.session ?? {}));
  return {
    location: { search: over.search ?? "" },
    name: over.name ?? "",
    sessionStorage: { getItem: (k: string) => session.get(k) ?? null },
    external: over.external,
    agaveHost: over.agaveHost,
    Office: over.Office,
    document,
  } as unknown as Win;
}

describe("officeHostHint", () => {
  it.each([
    ["a plain browser", false, {}],
    ["the _host_Info query parameter", true, { search: "?_host_Info=Excel$Win32$16.01$en-US$$$$0" }],
    ["window.name's hostInfo", true, { name: JSON.stringify({ hostInfo: "Excel|Web|16.00|vi-VN" }) }],
    ["sessionStorage's hostInfoValue", true, { session: { hostInfoValue: "Excel$Mac$16.00" } }],
    ["window.external.GetContext (desktop)", true, { external: { GetContext: () => null } }],
    ["agaveHost (Mac, iPad)", true, { agaveHost: {} }],
    ["a window.name that is not JSON", false, { name: "something" }],
    ["Office Online 2013's _xdm_Info", true, { search: "?_xdm_Info=abc" }],
  ])("takes %s as an Office host: %s", (_what, expected, over) => {
    expect(officeHostHint(fakeWindow(over))).toBe(expected);
  });
});

describe("bootOffice", () => {
  it("reports Excel and its display language when office.js is already there and Excel answers", async () => {
    const Office = {
      onReady: jest.fn(async () => ({ host: "Excel", platform: "PC" })),
      context: { displayLanguage: "en-US" },
    };
    await expect(bootOffice(fakeWindow({ Office }))).resolves.toEqual({
      host: "excel",
      source: "preloaded",
      displayLanguage: "en-US",
    });
  });

  it("reports no host (the browser preview) when office.js answers without one", async () => {
    const Office = { onReady: jest.fn(async () => ({ host: null, platform: null })) };
    await expect(bootOffice(fakeWindow({ Office }))).resolves.toEqual({
      host: null,
      source: "preloaded",
      displayLanguage: null,
    });
  });

  it("starts the preview at once in a plain browser, without loading office.js", async () => {
    const appended = jest.spyOn(document.head, "appendChild");
    await expect(bootOffice(fakeWindow())).resolves.toEqual({ host: null, source: "skipped", displayLanguage: null });
    expect(appended).not.toHaveBeenCalled();
    appended.mockRestore();
  });

  it("loads the local copy when asked with ?office=load", async () => {
    const appended = jest.spyOn(document.head, "appendChild");
    await bootOffice(fakeWindow({ search: "?office=load" }), { scriptTimeoutMs: 30, readyTimeoutMs: 30 });
    expect((appended.mock.calls[0][0] as HTMLScriptElement).src).toMatch(/office\/office\.js$/);
    appended.mockRestore();
  });

  it("inside Office, tries the CDN, then the local copy, and starts the preview within the time limits when neither loads", async () => {
    const appended = jest.spyOn(document.head, "appendChild");
    const started = Date.now();
    const boot = await bootOffice(fakeWindow({ search: "?_host_Info=Excel$Win32$16.01$en-US" }), {
      scriptTimeoutMs: 30,
      readyTimeoutMs: 30,
    });
    expect(boot).toEqual({ host: null, source: "absent", displayLanguage: null, cdnFailed: true });
    expect(appended.mock.calls.map((c) => (c[0] as HTMLScriptElement).src)).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      expect.stringMatching(/office\/office\.js$/),
    ]);
    expect(Date.now() - started).toBeLessThan(2000);
    appended.mockRestore();
  });

  it("in a production build, inside Office, loads only Microsoft's CDN copy and says when it cannot", async () => {
    const appended = jest.spyOn(document.head, "appendChild");
    const boot = await bootOffice(fakeWindow({ search: "?_host_Info=Excel$Win32$16.01$en-US" }), {
      scriptTimeoutMs: 30,
      readyTimeoutMs: 30,
      localFallback: false,
    });
    expect(boot).toEqual({ host: null, source: "absent", displayLanguage: null, cdnFailed: true });
    expect(appended.mock.calls.map((c) => (c[0] as HTMLScriptElement).src)).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
    ]);
    appended.mockRestore();
  });

  it("starts the preview when Office.onReady never answers", async () => {
    const Office = { onReady: () => new Promise(() => undefined) };
    await expect(bootOffice(fakeWindow({ Office }), { readyTimeoutMs: 20 })).resolves.toEqual({
      host: null,
      source: "preloaded",
      displayLanguage: null,
    });
  });
});
