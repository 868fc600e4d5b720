/**
 * Where the unit's token is kept: per user, in the add-in's own storage — never in the workbook. Document settings
 * travel inside every copy of the .xlsx, and Microsoft's documentation says not to keep secrets there. The host's
 * OfficeRuntime.storage is used where it exists (a shared runtime); otherwise localStorage of the add-in's origin,
 * which Office keeps per user and per add-in. The workbook keeps only the endpoint address and the unit's code.
 */
export interface TokenStore {
  load(endpoint: string): Promise<string | null>;
  save(endpoint: string, token: string): Promise<void>;
  remove(endpoint: string): Promise<void>;
}

interface AsyncStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

type SyncStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export const TOKEN_KEY_PREFIX = "chitieu.token.";
const keyOf = (endpoint: string) => `${TOKEN_KEY_PREFIX}${endpoint}`;

function officeRuntimeStorage(): AsyncStorage | null {
  const runtime = (globalThis as { OfficeRuntime?: { storage?: AsyncStorage } }).OfficeRuntime;
  return runtime && runtime.storage ? runtime.storage : null;
}

function fromSync(storage: SyncStorage): AsyncStorage {
  return {
    getItem: async (k) => storage.getItem(k),
    setItem: async (k, v) => storage.setItem(k, v),
    removeItem: async (k) => storage.removeItem(k),
  };
}

/** The token store of this user: OfficeRuntime.storage, else localStorage, else memory (the token is then asked for
 * at every start — still never written into the workbook). */
export function userTokenStore(storage: SyncStorage | null = defaultLocalStorage()): TokenStore {
  const memory = new Map<string, string>();
  const backing: AsyncStorage =
    officeRuntimeStorage() ??
    (storage
      ? fromSync(storage)
      : {
          getItem: async (k) => memory.get(k) ?? null,
          setItem: async (k, v) => void memory.set(k, v),
          removeItem: async (k) => void memory.delete(k),
        });
  return {
    load: (endpoint) => backing.getItem(keyOf(endpoint)).catch(() => null),
    save: (endpoint, token) => backing.setItem(keyOf(endpoint), token),
    remove: (endpoint) => backing.removeItem(keyOf(endpoint)),
  };
}

function defaultLocalStorage(): SyncStorage | null {
  try {
    return typeof window !== "undefined" && window.localStorage ? window.localStorage : null;
  } catch {
    return null; // storage disabled by policy
  }
}
