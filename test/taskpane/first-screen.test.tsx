/**
 * The pane draws its connect form before the host is bound (src/taskpane/index.tsx): the workbook it is given is a
 * deferred one whose calls wait for the real port. The form must be usable at once, a stored connection must still
 * connect once the host is there, and what the person typed meanwhile must win over a stored connection read later.
 */
import "./matchers";
import { act, screen, waitFor } from "@testing-library/react";
import { deferredWorkbook } from "../../src/taskpane/deferred-workbook";
import { SETTINGS } from "../../src/taskpane/util";
import { TOKEN_KEY_PREFIX } from "../../src/taskpane/token-store";
import { CONNECTION, FakeWorkbook, WARD } from "./fakes";
import { setup } from "./setup";

function storedWorkbook(): FakeWorkbook {
  const real = new FakeWorkbook();
  real.settings.set(SETTINGS.connection, { endpoint: CONNECTION.endpoint, unitCode: WARD.code });
  return real;
}

describe("deferredWorkbook", () => {
  it("holds calls made before the port is bound and passes them on after, in order", async () => {
    const deferred = deferredWorkbook();
    const real = storedWorkbook();
    let answered = false;
    const pending = deferred.loadSetting(SETTINGS.connection).then((v) => {
      answered = true;
      return v;
    });
    const save = deferred.saveSetting("x", 1);
    await Promise.resolve();
    expect(answered).toBe(false);
    expect(deferred.bound).toBeNull();
    expect(deferred.cellProblems?.()).toEqual([]);
    deferred.bind(real);
    await expect(pending).resolves.toEqual({ endpoint: CONNECTION.endpoint, unitCode: WARD.code });
    await save;
    expect(real.settings.get("x")).toBe(1);
    // bound: straight through, and a second bind changes nothing
    deferred.bind(new FakeWorkbook());
    expect(deferred.bound).toBe(real);
    await deferred.markIssues([]);
    expect(real.markIssues).toHaveBeenCalledTimes(1);
  });

  it("passes on the optional parts of the port (the narrative and the task sheet) once bound", async () => {
    const deferred = deferredWorkbook();
    const real = new FakeWorkbook();
    for (const key of ["readNarrative", "writeNarrative", "readTasks", "writeTasks", "onTasksChanged"] as const)
      expect(typeof deferred[key]).toBe("function");
    const write = deferred.writeTasks!([]);
    const listen = deferred.onTasksChanged!(() => undefined);
    deferred.bind(real);
    await write;
    await listen;
    expect(real.writeTasks).toHaveBeenCalledWith([]);
    expect(real.onTasksChanged).toHaveBeenCalledTimes(1);
  });

  it("tells each call why when the host could not be bound", async () => {
    const deferred = deferredWorkbook();
    const early = deferred.loadQueue();
    deferred.fail(new Error("chunk failed"));
    await expect(early).rejects.toThrow("chunk failed");
    await expect(deferred.loadSetting("y")).rejects.toThrow("chunk failed");
  });
});

describe("the first screen before the host is bound", () => {
  it("shows the usable connect form at once, then connects with the stored connection once the host is bound", async () => {
    const deferred = deferredWorkbook();
    const real = storedWorkbook();
    const { api } = setup({ connected: false, workbook: deferred as unknown as FakeWorkbook });
    window.localStorage.setItem(`${TOKEN_KEY_PREFIX}${CONNECTION.endpoint}`, CONNECTION.token);
    const address = screen.getByLabelText(/Địa chỉ máy chủ/);
    expect(address).toBeEnabled();
    expect(screen.getByRole("button", { name: "Kết nối" })).toBeEnabled();
    await act(async () => {
      await new Promise((r) => setTimeout(r, 30));
    });
    expect(api.me).not.toHaveBeenCalled();
    act(() => deferred.bind(real));
    expect(await screen.findByText(/Đã kết nối: Phường Ba Đình \(00004\)/)).toBeInTheDocument();
    expect(api.me).toHaveBeenCalledWith(CONNECTION);
  });

  it("keeps what the person typed when the stored connection arrives after it, and does not connect by itself", async () => {
    const deferred = deferredWorkbook();
    const real = storedWorkbook();
    const { api, user } = setup({ connected: false, workbook: deferred as unknown as FakeWorkbook });
    window.localStorage.setItem(`${TOKEN_KEY_PREFIX}${CONNECTION.endpoint}`, CONNECTION.token);
    const address = screen.getByLabelText(/Địa chỉ máy chủ/);
    await user.clear(address);
    await user.type(address, "https://other.test");
    act(() => deferred.bind(real));
    await waitFor(() => expect(real.loadSettingMock).toHaveBeenCalled());
    await act(async () => {
      await new Promise((r) => setTimeout(r, 30));
    });
    expect(screen.getByLabelText(/Địa chỉ máy chủ/)).toHaveValue("https://other.test");
    expect(api.me).not.toHaveBeenCalled();
  });
});
