/**
 * A small, bounded ZIP reader for .xlsx files: reads the central directory, never trusts a size it has not checked,
 * and inflates only the entries asked for through a pluggable `InflateRaw` (node:zlib on the server and CLI,
 * DecompressionStream("deflate-raw") in the browser). No Node import here, so the same code runs in the task pane.
 */
import { workbookErrors } from "../errors";

export interface ZipLimits {
  /** Sum of the uncompressed sizes of all entries, as declared and as actually inflated. */
  maxTotalBytes: number;
  /** Largest number of entries in the archive. */
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxTotalBytes: 50 * 1024 * 1024, maxEntries: 10_000 };

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate */
  method: number;
  compressedSize: number;
  /** uncompressed size as declared by the central directory */
  size: number;
  localHeaderOffset: number;
}

export interface ZipArchive {
  bytes: Uint8Array;
  entries: Map<string, ZipEntry>;
  declaredTotal: number;
  limits: ZipLimits;
  /** bytes actually inflated so far (checked against limits.maxTotalBytes) */
  inflated: number;
}

/** Inflate raw DEFLATE data; must throw (any error) when the output would exceed maxOutputLength. */
export type InflateRaw = (data: Uint8Array, maxOutputLength: number) => Uint8Array;
export type InflateRawAsync = (data: Uint8Array, maxOutputLength: number) => Promise<Uint8Array>;

/** Thrown by an inflater when the output would exceed the allowed length (told apart from broken data). */
export class InflateLimitError extends Error {
  constructor() {
    super("inflated data exceeds the allowed length");
    this.name = "InflateLimitError";
  }
}

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
}

const utf8 = new TextDecoder("utf-8");
const latin1 = new TextDecoder("latin1");

/** True when the UTF-16LE form of an ASCII name occurs in the bytes (an OLE2 directory entry such as EncryptedPackage). */
function hasUtf16(bytes: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  outer: for (let i = 0; i + name.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < name.length; k++)
      if (bytes[i + 2 * k] !== name.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

/** Parse the central directory. Throws AppError for anything that is not a readable .xlsx container. */
export function openZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipArchive {
  if (bytes.length === 0) throw workbookErrors.empty();
  if (bytes.length >= 8 && OLE2_MAGIC.every((m, i) => bytes[i] === m))
    throw hasUtf16(bytes, "EncryptedPackage") ? workbookErrors.encrypted() : workbookErrors.oldFormat();
  if (bytes.length >= 4 && u32(bytes, 0) === LOC_SIG && bytes.length < 22) throw workbookErrors.truncated(bytes.length);
  if (bytes.length < 22 || u32(bytes, 0) !== LOC_SIG) throw workbookErrors.notZip();
  // The end-of-central-directory record is within the last 22 + 65535 bytes.
  let eocd = -1;
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (bytes[i] === 0x50 && u32(bytes, i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  // a ZIP that starts right but has no end record was cut short (a copy or download that stopped)
  if (eocd < 0) throw workbookErrors.truncated(bytes.length);
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw workbookErrors.tooLarge("zip64", 0, limits.maxTotalBytes);
  if (count > limits.maxEntries) throw workbookErrors.tooLarge("entries", count, limits.maxEntries);
  if (cdOffset + cdSize > eocd) throw workbookErrors.corrupt("central directory");
  const entries = new Map<string, ZipEntry>();
  let declaredTotal = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== CEN_SIG) throw workbookErrors.corrupt("central directory");
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const compressedSize = u32(bytes, p + 20);
    const size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const localHeaderOffset = u32(bytes, p + 42);
    const rawName = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = (flags & 0x800 ? utf8 : latin1).decode(rawName);
    if (flags & 0x1) throw workbookErrors.encrypted(); // ZIP-encrypted entries: a password-protected file
    if (size === 0xffffffff || compressedSize === 0xffffffff)
      throw workbookErrors.tooLarge("zip64", 0, limits.maxTotalBytes);
    declaredTotal += size;
    if (declaredTotal > limits.maxTotalBytes)
      throw workbookErrors.tooLarge("declared", declaredTotal, limits.maxTotalBytes);
    entries.set(name, { name, method, compressedSize, size, localHeaderOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { bytes, entries, declaredTotal, limits, inflated: 0 };
}

/** The compressed bytes of one entry (located through its local header). */
function rawData(zip: ZipArchive, entry: ZipEntry): Uint8Array {
  const o = entry.localHeaderOffset;
  const b = zip.bytes;
  if (o + 30 > b.length || u32(b, o) !== LOC_SIG) throw workbookErrors.corrupt(entry.name);
  const start = o + 30 + u16(b, o + 26) + u16(b, o + 28);
  const end = start + entry.compressedSize;
  if (end > b.length) throw workbookErrors.corrupt(entry.name);
  return b.subarray(start, end);
}

function budget(zip: ZipArchive, entry: ZipEntry): number {
  const remaining = zip.limits.maxTotalBytes - zip.inflated;
  if (entry.size > remaining)
    throw workbookErrors.tooLarge("actual", zip.inflated + entry.size, zip.limits.maxTotalBytes);
  return entry.size;
}

/** More output than declared is a lying zip bomb; anything else is broken DEFLATE data. */
function inflateFailure(zip: ZipArchive, name: string, max: number, e: unknown): Error {
  if (e instanceof InflateLimitError)
    return workbookErrors.tooLarge("actual", zip.inflated + max + 1, zip.limits.maxTotalBytes, name);
  return workbookErrors.corrupt(name);
}

function settle(zip: ZipArchive, entry: ZipEntry, out: Uint8Array): Uint8Array {
  if (out.length !== entry.size) throw workbookErrors.corrupt(entry.name);
  zip.inflated += out.length;
  return out;
}

/** Inflate one entry, never producing more than the size its directory record declares. */
export function readEntry(zip: ZipArchive, name: string, inflate: InflateRaw): Uint8Array | null {
  const entry = zip.entries.get(name);
  if (!entry) return null;
  const max = budget(zip, entry);
  const data = rawData(zip, entry);
  if (entry.method === 0) return settle(zip, entry, data);
  if (entry.method !== 8) throw workbookErrors.corrupt(name);
  let out: Uint8Array;
  try {
    out = inflate(data, Math.max(1, max));
  } catch (e) {
    throw inflateFailure(zip, name, max, e);
  }
  return settle(zip, entry, out);
}

export async function readEntryAsync(
  zip: ZipArchive,
  name: string,
  inflate: InflateRawAsync,
): Promise<Uint8Array | null> {
  const entry = zip.entries.get(name);
  if (!entry) return null;
  const max = budget(zip, entry);
  const data = rawData(zip, entry);
  if (entry.method === 0) return settle(zip, entry, data);
  if (entry.method !== 8) throw workbookErrors.corrupt(name);
  let out: Uint8Array;
  try {
    out = await inflate(data, Math.max(1, max));
  } catch (e) {
    throw inflateFailure(zip, name, max, e);
  }
  return settle(zip, entry, out);
}

/**
 * A string standing one-to-one for how an entry is stored (method, declared size, compressed bytes as Latin-1): equal
 * keys inflate to equal bytes, so a part parsed before can be known without inflating it again. Null when absent.
 */
export function entryKey(zip: ZipArchive, name: string, latin1: (bytes: Uint8Array) => string): string | null {
  const entry = zip.entries.get(name);
  if (!entry) return null;
  return `${entry.method}:${entry.size}:${latin1(rawData(zip, entry))}`;
}

export function decodeUtf8(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}
