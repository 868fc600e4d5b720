import * as React from "react";

export interface KeyedFetch<T> {
  data: T | null;
  loading: boolean;
  error: unknown;
  /** fetches the current key again */
  reload: () => void;
}

export interface KeyedFetchOptions {
  /** forget the last answer when a fetch fails (default: keep it beside the error) */
  clearOnError?: boolean;
}

/**
 * Fetches `load(key)` whenever the key (or `load`) changes, or on reload; an empty key fetches nothing. An answer or
 * a failure that arrives after the key changed is dropped, so an old key's late answer never replaces the new one.
 * `load` should be memoised (useCallback): a new function fetches again.
 */
export function useKeyedFetch<T>(
  key: string,
  load: (key: string) => Promise<T>,
  options: KeyedFetchOptions = {},
): KeyedFetch<T> {
  const [data, setData] = React.useState<T | null>(null);
  const [loading, setLoading] = React.useState(false);
  const [error, setError] = React.useState<unknown>(null);
  const [nonce, setNonce] = React.useState(0);
  const { clearOnError = false } = options;
  React.useEffect(() => {
    if (!key) return;
    let live = true;
    setLoading(true);
    setError(null);
    load(key).then(
      (d) => {
        if (!live) return;
        setData(d);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        if (clearOnError) setData(null);
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [key, load, clearOnError, nonce]);
  const reload = React.useCallback(() => setNonce((n) => n + 1), []);
  return { data, loading, error, reload };
}
