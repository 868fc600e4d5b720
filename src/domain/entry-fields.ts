import type { EntryField } from "./types";

/**
 * The fields of one target entry, in the one order the template's columns, the API, the CLI's tables and every
 * fingerprint of an entry use. The list exists once: import it, never write it again.
 */
export const ENTRY_FIELDS = [
  "value",
  "numerator",
  "denominator",
  "milestone",
  "justification",
  "evidence",
  "responsible",
] as const satisfies readonly EntryField[];

// every EntryField is in the list (a field added to the type and not here fails to compile)
type Missing = Exclude<EntryField, (typeof ENTRY_FIELDS)[number]>;
const complete: Missing extends never ? true : never = true;
void complete;
