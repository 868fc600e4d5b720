import type { Bilingual } from "../../domain/types";

/**
 * The texts of views that are loaded later (planner mode, the report, the key tasks, trends): their section files
 * (sections/*.ts marked "registered") add themselves here when their chunk loads, so the start-up bundle carries only
 * the first screen's and the shell's texts. Every module that uses such a text imports its section.
 */
const later: Record<string, Bilingual> = {};

export function registerMessages(section: Record<string, Bilingual>): void {
  Object.assign(later, section);
}

export function laterMessage(key: string): Bilingual | undefined {
  return later[key];
}
