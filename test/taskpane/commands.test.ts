import { ACTIONS, openPane, registerActions } from "../../src/commands/commands";

describe("ribbon commands", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });

  it("associates every action by name", () => {
    const associate = jest.fn();
    registerActions({ actions: { associate } } as never);
    expect(associate.mock.calls.map((c) => c[0])).toEqual(Object.keys(ACTIONS));
    expect(associate).toHaveBeenCalledWith("openPane", openPane);
  });

  it.each([
    ["opens the pane", async () => undefined, 1],
    ["still completes the event when opening fails", async () => Promise.reject(new Error("no shared runtime")), 1],
  ])("%s and completes the event", async (_what, showAsTaskpane, shown) => {
    const show = jest.fn(showAsTaskpane);
    (globalThis as { Office?: unknown }).Office = { addin: { showAsTaskpane: show } };
    const completed = jest.fn();
    jest.spyOn(console, "warn").mockImplementation(() => undefined);
    await openPane({ completed } as unknown as Office.AddinCommands.Event);
    expect(show).toHaveBeenCalledTimes(shown);
    expect(completed).toHaveBeenCalledTimes(1);
  });
});
