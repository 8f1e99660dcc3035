/** How deep a JSON body may nest; the deepest request in the API is far shallower. */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;

/**
 * Whether JSON text opens more than `maxDepth` arrays or objects inside each other, found in one pass
 * without recursion and before parsing, so that nothing recursive (the parser, the NUL check, the
 * validator) ever meets such a body. The structural characters are ASCII, which UTF-8 never uses
 * inside a multi-byte character, so the bytes can be scanned as they came. Malformed text is left to
 * the parser to refuse.
 */
export function nestsDeeperThan(json: Buffer, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < json.length; index++) {
    const byte = json[index];
    if (inString) {
      if (byte === BACKSLASH) index++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      if (++depth > maxDepth) return true;
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
      depth--;
    }
  }
  return false;
}
