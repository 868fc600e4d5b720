import * as React from "react";
import type { Catalog } from "../../domain/types";
import type { WorkbookPort } from "../../workbook/port";
import {
  ApiError,
  isApiError,
  normalizeEndpoint,
  type ApiClient,
  type Connection,
  type Me,
  type PeriodInfo,
} from "../api";
import { SETTINGS } from "../util";
import { userTokenStore, type TokenStore } from "../token-store";

/** What the workbook keeps of a connection: the address and the unit, never the token. Workbooks saved before
 * issue 17 also hold `token`; opening one removes it. */
export interface StoredConnection {
  endpoint: string;
  unitCode?: string | null;
  token?: string;
}

/**
 * The pane starts "disconnected" (the connect form) while the workbook's stored connection is read: that read waits
 * for the host (office.js, Office.onReady), and the form is usable meanwhile.
 */
export type ConnectionStatus = "disconnected" | "connecting" | "connected" | "offline";

/** What the pane keeps in the workbook so it can work offline: the last answers of /me, /catalog and /periods. */
export interface SessionCache {
  endpoint: string;
  me: Me;
  catalog: Catalog;
  periods: PeriodInfo[];
  savedAt: string;
}

export interface ConnectData {
  endpoint: string;
  token: string;
}

export interface ConnectionState {
  status: ConnectionStatus;
  connection: Connection | null;
  /** what the connect form shows when there is no connection yet */
  defaults: ConnectData;
  me: Me | null;
  catalog: Catalog | null;
  periods: PeriodInfo[];
  error: unknown;
  connect: (ev: React.SyntheticEvent | null, data: ConnectData) => Promise<void>;
  /** show the connect form again (keeps the stored connection until a new one succeeds) */
  edit: () => void;
  /** try the stored connection again (after going offline) */
  retry: () => Promise<void>;
  /** true when this workbook held a token (saved by an older version) and it was removed from the workbook */
  tokenRemoved: boolean;
  /**
   * the person typed in the connect form: a stored connection read after that neither refills the form nor connects
   * (their input wins)
   */
  touch: () => void;
}

export interface UseConnectionOptions {
  /** address offered when nothing is stored, e.g. the page's own origin (the endpoint serves the pane) */
  defaultEndpoint?: string;
  /** typed before the pane ran (the pre-rendered first screen): the form starts with it, as the person's input */
  typed?: ConnectData | null;
  pageOrigin?: string | null;
  /** where the token is kept (default: this user's add-in storage) */
  tokens?: TokenStore;
}

/**
 * The endpoint's address when `raw` is the address of a page it serves (…/taskpane.html, …/help.html): people paste
 * the browser preview's address. Null for anything else (an address that does not parse is left to normalizeEndpoint).
 */
export function panePageEndpoint(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  const m = /^(.*)\/[^/]+\.html?$/i.exec(url.pathname);
  return m ? `${url.protocol}//${url.host}${m[1]}` : null;
}

export function useConnection(
  workbook: WorkbookPort,
  api: ApiClient,
  options: UseConnectionOptions = {},
): ConnectionState {
  const [status, setStatus] = React.useState<ConnectionStatus>("disconnected");
  const [connection, setConnection] = React.useState<Connection | null>(null);
  const [defaults, setDefaults] = React.useState<ConnectData>(
    () => options.typed ?? { endpoint: options.defaultEndpoint ?? "", token: "" },
  );
  const [me, setMe] = React.useState<Me | null>(null);
  const [catalog, setCatalog] = React.useState<Catalog | null>(null);
  const [periods, setPeriods] = React.useState<PeriodInfo[]>([]);
  const [error, setError] = React.useState<unknown>(null);
  const [tokenRemoved, setTokenRemoved] = React.useState(false);
  const attempt = React.useRef(0);
  const touched = React.useRef(Boolean(options.typed));
  const touch = React.useCallback(() => {
    touched.current = true;
  }, []);
  const tokens = React.useMemo(() => options.tokens ?? userTokenStore(), [options.tokens]);

  const establish = React.useCallback(
    async (conn: Connection, remember: boolean, fallbackToCache: boolean): Promise<void> => {
      const mine = ++attempt.current;
      setStatus("connecting");
      setError(null);
      try {
        const endpoint = normalizeEndpoint(conn.endpoint, options.pageOrigin ?? null);
        const normalized = { endpoint, token: conn.token.trim() };
        const [who, cat, per] = await Promise.all([
          api.me(normalized),
          api.catalog(normalized),
          api.periods(normalized),
        ]);
        if (mine !== attempt.current) return;
        setConnection(normalized);
        setMe(who);
        setCatalog(cat);
        setPeriods(per);
        setStatus("connected");
        if (remember) {
          await tokens.save(endpoint, normalized.token);
          const stored: StoredConnection = { endpoint, unitCode: who.unit?.code ?? null };
          await workbook.saveSetting(SETTINGS.connection, stored);
        }
        const cache: SessionCache = {
          endpoint,
          me: who,
          catalog: cat,
          periods: per,
          savedAt: new Date().toISOString(),
        };
        await workbook.saveSetting(SETTINGS.session, cache);
      } catch (e) {
        if (mine !== attempt.current) return;
        if (fallbackToCache && isApiError(e) && e.retryable) {
          const cache = await workbook.loadSetting<SessionCache>(SETTINGS.session).catch(() => null);
          if (cache && cache.endpoint === conn.endpoint) {
            setConnection(conn);
            setMe(cache.me);
            setCatalog(cache.catalog);
            setPeriods(cache.periods);
            setError(e);
            setStatus("offline");
            return;
          }
        }
        setError(e);
        setDefaults({ endpoint: conn.endpoint, token: conn.token });
        setStatus("disconnected");
      }
    },
    [api, workbook, tokens, options.pageOrigin],
  );

  React.useEffect(() => {
    let live = true;
    void (async () => {
      const stored = await workbook.loadSetting<StoredConnection>(SETTINGS.connection).catch(() => null);
      if (!live) return;
      if (stored && typeof stored.token === "string") {
        // a workbook saved by an older version carries a token: take it out of the document (it travels with every
        // copy), keep the address and the unit, and say so; the user's own stored token is used if there is one
        const { token: _removed, ...rest } = stored;
        void _removed;
        await workbook.saveSetting(SETTINGS.connection, rest).catch(() => undefined);
        if (!live) return;
        setTokenRemoved(true);
      }
      const token = stored && stored.endpoint ? await tokens.load(stored.endpoint) : null;
      // the form was shown while this was read: what the person typed or sent since then wins
      if (!live || touched.current || attempt.current > 0) return;
      if (stored && stored.endpoint && token) {
        setDefaults({ endpoint: stored.endpoint, token });
        await establish({ endpoint: stored.endpoint, token }, false, true);
      } else if (stored && stored.endpoint) setDefaults({ endpoint: stored.endpoint, token: "" });
    })();
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the stored connection is read once, when the pane opens
  }, []);

  const connect = React.useCallback(
    async (_ev: React.SyntheticEvent | null, data: ConnectData) => {
      if (!data.endpoint.trim()) {
        setError(new ApiError("invalid_url", ""));
        return;
      }
      const endpoint = panePageEndpoint(data.endpoint);
      if (endpoint) {
        // the browser preview's own address pasted as the endpoint: say so and offer the endpoint's address
        setError(new ApiError("invalid_url", data.endpoint.trim(), { details: { panePage: endpoint } }));
        setDefaults({ endpoint, token: data.token });
        return;
      }
      await establish({ endpoint: data.endpoint, token: data.token }, true, false);
    },
    [establish],
  );

  const edit = React.useCallback(() => {
    attempt.current++;
    if (connection) setDefaults({ endpoint: connection.endpoint, token: connection.token });
    setStatus("disconnected");
  }, [connection]);

  const retry = React.useCallback(async () => {
    if (connection) await establish(connection, false, true);
  }, [connection, establish]);

  return { status, connection, defaults, me, catalog, periods, error, connect, edit, retry, tokenRemoved, touch };
}
