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
    ["a plain browser", {}, false],
    ["the _host_Info query parameter", { search: "?_host_Info=Excel$Win32$16.01$en-US$$$$0" }, true],
    ["window.name's hostInfo", { name: JSON.stringify({ hostInfo: "Excel|Web|16.00|vi-VN" }) }, true],
    ["sessionStorage's hostInfoValue", { session: { hostInfoValue: "Excel$Mac$16.00" } }, true],
    ["window.external.GetContext (desktop)", { external: { GetContext: () => null } }, true],
    ["agaveHost (Mac, iPad)", { agaveHost: {} }, true],
    ["a window.name that is not JSON", { name: "something" }, false],
  ])("recognises %s: %s", (_what, over, expected) => {
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

  it("starts the preview when office.js cannot be loaded at all, within its time limit", async () => {
    const started = Date.now();
    const boot = await bootOffice(fakeWindow(), {
      scriptTimeoutMs: 30,
      readyTimeoutMs: 30,
      localUrl: "data:text/javascript,0",
    });
    expect(boot).toEqual({ host: null, source: "absent", displayLanguage: null });
    expect(Date.now() - started).toBeLessThan(2000);
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
