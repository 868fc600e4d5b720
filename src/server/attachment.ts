/**
 * Content-Disposition for downloads (RFC 6266, with the RFC 5987 `filename*` for Vietnamese names): the name is NFC,
 * stripped of control characters, quotes, separators and path characters, and given an ASCII fallback without
 * diacritics ("Phường" → "Phuong") for clients that ignore `filename*`.
 */
import contentDisposition from "content-disposition";

const UNSAFE = /[\u0000-\u001f\u007f-\u009f"\\/:*?<>|;,%]+/g;

export function attachmentHeader(name: string): string {
  const clean =
    name
      .normalize("NFC")
      .replace(UNSAFE, "-")
      .replace(/-{2,}/g, "-")
      .replace(/^[-.\s]+/, "")
      .slice(0, 150) || "chitieu";
  const fallback = clean
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]/g, "_");
  return contentDisposition(clean, { type: "attachment", fallback });
}
