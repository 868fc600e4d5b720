/**
 * Content-Disposition for downloads (RFC 6266, with the RFC 5987 `filename*` for Vietnamese names): the name is NFC,
 * stripped of control characters, quotes, separators and path characters, and given an ASCII fallback without
 * diacritics ("Phường" → "Phuong") for clients that ignore `filename*`. `inline` (a handout) opens in the browser and
 * still names the file it is saved as.
 */
import contentDisposition from "content-disposition";

const UNSAFE_PRINTABLE = new Set(['"', "\\", "/", ":", "*", "?", "<", ">", "|", ";", ",", "%"]);

/** Control characters (C0, DEL, C1) and characters that are unsafe in a file name become "-". */
function safeChars(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    out += c < 0x20 || (c >= 0x7f && c <= 0x9f) || UNSAFE_PRINTABLE.has(ch) ? "-" : ch;
  }
  return out;
}

export function attachmentHeader(name: string, type: "attachment" | "inline" = "attachment"): string {
  const clean =
    safeChars(name.normalize("NFC"))
      .replace(/-{2,}/g, "-")
      .replace(/^[-.\s]+/, "")
      .slice(0, 150) || "chitieu";
  const fallback = clean
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]/g, "_");
  return contentDisposition(clean, { type, fallback });
}
