/**
 * A small memo keyed by a part's whole text, for parts that come out the same in file after file (every unit's
 * workbook made by the template writer has the same styles, and units of one kind the same defined names): parsing
 * them again is work a consolidation of thousands of files need not repeat. The key is the part's Latin-1 text, which
 * stands one-to-one for its bytes, so a hit returns exactly what parsing would. Values must be treated as read-only.
 * At most `size` entries; the oldest is dropped first. No import: usable by the task pane too.
 */
export class TextMemo<T> {
  private readonly map = new Map<string, T>();
  constructor(private readonly size: number) {}

  get(text: string, compute: () => T): T {
    const hit = this.map.get(text);
    if (hit !== undefined) return hit;
    const value = compute();
    if (this.map.size >= this.size) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
    this.map.set(text, value);
    return value;
  }
}
