/** The handout route's parameters (GET /handouts/<role>.<lang>.pdf; the paths are handout-paths.ts). */
import { z } from "zod";
import { HANDOUT_FILES, parseHandoutFile } from "./handout-paths";
import { bilingualError } from "./text";

/** The route's parameters, a fresh schema at every call (never one instance across routes). */
export function HandoutParams() {
  return z.object({
    file: z.string().refine((f) => parseHandoutFile(f) !== null, {
      error: bilingualError({
        vi: `Không có tờ hướng dẫn này. Các tờ có sẵn: ${HANDOUT_FILES.join(", ")}.`,
        en: `There is no such handout. The handouts are: ${HANDOUT_FILES.join(", ")}.`,
      }),
    }),
  });
}
