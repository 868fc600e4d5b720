/**
 * A view kept out of the entry chunk: its module is fetched after the first screen (`preload`), and once it is here
 * the view renders at once, without a Suspense round (React.lazy alone would suspend on its first render even when
 * the module is already loaded). Before it is here, the view renders nothing until it arrives.
 */
import * as React from "react";

export interface LazyView<P> {
  View: React.FC<P>;
  preload: () => Promise<unknown>;
}

export function lazyView<P extends object>(load: () => Promise<React.ComponentType<P>>): LazyView<P> {
  let loaded: React.ComponentType<P> | null = null;
  let pending: Promise<React.ComponentType<P>> | null = null;
  const preload = (): Promise<React.ComponentType<P>> => {
    // a failed fetch (the network dropped) is tried again the next time the view is wanted
    pending ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        pending = null;
        throw e;
      },
    );
    return pending;
  };
  const Lazy = React.lazy(() => preload().then((c) => ({ default: c })));
  function View(props: P): React.ReactElement {
    const Loaded = loaded;
    if (Loaded) return <Loaded {...props} />;
    return (
      <React.Suspense fallback={null}>
        <Lazy {...props} />
      </React.Suspense>
    );
  }
  return { View, preload };
}
