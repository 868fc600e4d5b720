/**
 * The browser side of the reader: DecompressionStream("deflate-raw"), reading chunk by chunk and cancelling as soon
 * as the output passes the declared size, so a zip bomb never fills the tab's memory.
 */
import { InflateLimitError, type InflateRawAsync } from "./zip";
import { readWorkbookAsync, type AsyncReaderPlatform, type ReadOptions, type WorkbookRead } from "./read-workbook";

export const browserInflateRaw: InflateRawAsync = async (data, maxOutputLength) => {
  const stream = new Blob([data as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream("deflate-raw" as CompressionFormat));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxOutputLength) {
      await reader.cancel();
      throw new InflateLimitError();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
};

const LATIN1 = new TextDecoder("latin1"); // windows-1252: still one UTF-16 unit per byte, which is all the reader needs

export const browserPlatform: AsyncReaderPlatform = {
  inflate: browserInflateRaw,
  latin1: (bytes) => LATIN1.decode(bytes),
};

/** Read a filled template in the browser (File/Blob bytes). */
export function readWorkbookInBrowser(bytes: Uint8Array, opts: ReadOptions): Promise<WorkbookRead> {
  return readWorkbookAsync(bytes, opts, browserPlatform);
}
