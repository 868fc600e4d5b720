/** A1 references as defined names and formulas need them: quoted sheet names and absolute cells. */

/** Nhap → Nhap; "Sheet 1" → 'Sheet 1'; O'Brien → 'O''Brien' */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** G12 → $G$12; A1:B5 → $A$1:$B$5 */
export function absolute(address: string): string {
  return address.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
}

/** "Nhap!G12" → 12 */
export function rowOf(cell: string): number {
  const m = /(\d+)$/.exec(cell);
  return m ? Number(m[1]) : NaN;
}
