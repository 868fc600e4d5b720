/**
 * What jsdom lacks and the pane's code (through src/domain) uses: TextEncoder/TextDecoder (the catalog version hash).
 * Browsers have them; test/setup-dom.ts is shared, so the pane's tests add them here.
 */
import { TextDecoder, TextEncoder } from "node:util";

const g = globalThis as unknown as { TextEncoder?: unknown; TextDecoder?: unknown };
g.TextEncoder ??= TextEncoder;
g.TextDecoder ??= TextDecoder;
