import { configure } from "@testing-library/react";

// Fluent UI v9 (MessageBar and others) needs ResizeObserver, which jsdom lacks.
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= ResizeObserverStub;

// findBy… and waitFor give up after 1 s by default: on a loaded 2-core CI machine a render can take longer. A wait
// still fails when the text never comes, only later.
configure({ asyncUtilTimeout: 10_000 });
