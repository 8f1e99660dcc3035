import { create, type Font } from 'fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * DejaVu Sans has the letters of European names (Ł, ő, Ş, ç …). Each file is parsed once per
 * process and shared by every document; pdfkit embeds only the glyphs a document uses.
 */
const require = createRequire(import.meta.url);

function load(file: string): Font {
  return create(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`))) as Font;
}

let fonts: { regular: Font; bold: Font } | undefined;

export function documentFonts(): { regular: Font; bold: Font } {
  fonts ??= { regular: load('DejaVuSans.ttf'), bold: load('DejaVuSans-Bold.ttf') };
  return fonts;
}
