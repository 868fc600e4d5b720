/**
 * The building blocks every resource's schemas share: the bilingual message, the one text rule for what a client
 * sends, and the way a schema carries its own message in both languages (decoded by the server's validator).
 */
import { z } from "zod";
import { forbiddenCharacter } from "../domain";
import type { Bilingual as BilingualText } from "../domain/types";

export const Bilingual = z.object({ vi: z.string(), en: z.string() });

const OWN_PREFIX = "ct:";
const OWN_SEPARATOR = "\u241E";

/** A schema's own error message in both languages: `z.union([...], { error: bilingualError({vi, en}) })`. */
export function bilingualError(message: BilingualText): string {
  return `${OWN_PREFIX}${message.vi}${OWN_SEPARATOR}${message.en}`;
}

/** The message a schema set with `bilingualError`, or null when zod wrote the message itself. */
export function ownBilingualMessage(message: string): BilingualText | null {
  if (!message.startsWith(OWN_PREFIX)) return null;
  const own = message.slice(OWN_PREFIX.length).split(OWN_SEPARATOR);
  return own.length === 2 ? { vi: own[0] as string, en: own[1] as string } : null;
}

/**
 * Text from a client: bounded, and free of the characters the one text rule refuses (forbiddenCharacter in
 * src/domain/text.ts, which the file reader and the rules apply too): NUL (PostgreSQL cannot store it), other
 * controls, unpaired surrogates, U+FFFD and U+FFFE/U+FFFF.
 */
export function isCleanText(s: string): boolean {
  return forbiddenCharacter(s) === null;
}

export function text(max: number) {
  return z
    .string()
    .max(max)
    .refine(isCleanText, {
      error: bilingualError({
        vi: "Văn bản chứa ký tự không hợp lệ (ký tự điều khiển như NUL, ký tự hỏng hoặc mã Unicode lẻ); hãy gõ lại hoặc dán dạng văn bản thuần",
        en: "The text holds a character that is not allowed (a control character such as NUL, a broken character or an unpaired Unicode surrogate); type it again or paste it as plain text",
      }),
    });
}

/**
 * A yes/no query parameter ("true"/"1" or "false"/"0"), the one definition every query uses. A new schema each call:
 * the OpenAPI document cannot be built when one transform instance sits in several routes' schemas.
 */
export const queryFlag = () => z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
