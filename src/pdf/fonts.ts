import type { Font } from 'fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * DejaVu Sans has the letters of European names (Ł, ő, Ş, ç …). Each file is parsed once per
 * process and shared by every document; pdfkit embeds only the glyphs a document uses.
 */
const require = createRequire(import.meta.url);

/**
 * fontkit caches a glyph with the characters it was first asked for. Subsetting a composite glyph
 * (Ç is C plus a cedilla) asks for its components without characters, so a shared font would
 * remember "C" as standing for nothing and every later document would write an empty ToUnicode
 * entry for it: the letter vanishes when the text is copied, searched or read aloud. Asking for
 * every character once, up front, caches each glyph with its character.
 */
function load(create: (buffer: Buffer) => unknown, file: string): Font {
  const font = create(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`))) as Font;
  for (const codePoint of font.characterSet) font.glyphForCodePoint(codePoint);
  return font;
}

let fonts: Promise<{ regular: Font; bold: Font }> | undefined;

/** fontkit is loaded with the first document, not at boot (half a second of module loading the API does not need to start). */
export function documentFonts(): Promise<{ regular: Font; bold: Font }> {
  fonts ??= import('fontkit').then(({ create }) => ({
    regular: load(create, 'DejaVuSans.ttf'),
    bold: load(create, 'DejaVuSans-Bold.ttf'),
  }));
  return fonts;
}
