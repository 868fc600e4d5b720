import { act, render, screen } from "@testing-library/react";
import { useKeyedFetch, type KeyedFetchOptions } from "../../../src/taskpane/hooks/useKeyedFetch";

/** A promise per request, settled by the test in any order. */
function deferredLoads() {
  const calls: { key: string; resolve: (v: string) => void; reject: (e: unknown) => void }[] = [];
  const load = jest.fn(
    (key: string) =>
      new Promise<string>((resolve, reject) => {
        calls.push({ key, resolve, reject });
      }),
  );
  return { calls, load };
}

let reload: () => void = () => undefined;

function Probe(props: { id: string; load: (key: string) => Promise<string>; options?: KeyedFetchOptions }) {
  const s = useKeyedFetch(props.id, props.load, props.options);
  reload = s.reload;
  return (
    <div>
      <p data-testid="data">{s.data ?? "none"}</p>
      <p data-testid="loading">{s.loading ? "loading" : "idle"}</p>
      <p data-testid="error">{s.error === null ? "no error" : String(s.error)}</p>
    </div>
  );
}

const shown = (id: string): string | null => screen.getByTestId(id).textContent;

describe("useKeyedFetch", () => {
  it("drops an old key's answer that arrives after the new key's", async () => {
    const { calls, load } = deferredLoads();
    const { rerender } = render(<Probe id="2026-Q1" load={load} />);
    rerender(<Probe id="2026-Q2" load={load} />);
    expect(calls.map((c) => c.key)).toEqual(["2026-Q1", "2026-Q2"]);
    await act(async () => calls[1]?.resolve("answer for Q2"));
    expect(shown("data")).toBe("answer for Q2");
    await act(async () => calls[0]?.resolve("answer for Q1"));
    expect(shown("data")).toBe("answer for Q2");
    expect(shown("loading")).toBe("idle");
  });

  it("drops an old key's failure too", async () => {
    const { calls, load } = deferredLoads();
    const { rerender } = render(<Probe id="2026-Q1" load={load} />);
    rerender(<Probe id="2026-Q2" load={load} />);
    await act(async () => calls[0]?.reject("Q1 failed"));
    expect(shown("error")).toBe("no error");
    expect(shown("loading")).toBe("loading");
    await act(async () => calls[1]?.resolve("answer for Q2"));
    expect(shown("data")).toBe("answer for Q2");
    expect(shown("error")).toBe("no error");
  });

  it("shows the error of a failed fetch, keeps the last answer beside it, and clears it on a good reload", async () => {
    const { calls, load } = deferredLoads();
    render(<Probe id="2026-Q1" load={load} />);
    await act(async () => calls[0]?.resolve("first answer"));
    act(() => reload());
    expect(shown("loading")).toBe("loading");
    await act(async () => calls[1]?.reject("HTTP 503"));
    expect(shown("error")).toBe("HTTP 503");
    expect(shown("data")).toBe("first answer");
    expect(shown("loading")).toBe("idle");
    act(() => reload());
    expect(shown("error")).toBe("no error");
    await act(async () => calls[2]?.resolve("second answer"));
    expect(shown("data")).toBe("second answer");
    expect(load).toHaveBeenCalledTimes(3);
  });

  it("forgets the last answer on a failure with clearOnError", async () => {
    const { calls, load } = deferredLoads();
    render(<Probe id="2026-Q1" load={load} options={{ clearOnError: true }} />);
    await act(async () => calls[0]?.resolve("first answer"));
    act(() => reload());
    await act(async () => calls[1]?.reject("HTTP 503"));
    expect(shown("error")).toBe("HTTP 503");
    expect(shown("data")).toBe("none");
  });

  it("fetches nothing for an empty key", () => {
    const { load } = deferredLoads();
    render(<Probe id="" load={load} />);
    expect(load).not.toHaveBeenCalled();
    expect(shown("loading")).toBe("idle");
  });
});
