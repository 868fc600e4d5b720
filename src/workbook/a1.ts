/** A1 addresses: column letters ↔ 1-based index, and a cell address split into column and row. */

/** Column letter(s) → 1-based index ("A" → 1, "AA" → 27). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

/** 1-based index → column letters. */
export function columnLetters(index: number): string {
  let s = "";
  let n = index;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "G12" → { column: "G", row: 12 } */
export function splitAddress(address: string): { column: string; row: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(address);
  if (!m) throw new Error(`not a cell address: ${address}`);
  return { column: m[1], row: Number(m[2]) };
}
