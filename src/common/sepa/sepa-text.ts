/**
 * The Latin character set every SEPA bank must accept (EPC217-08): letters a–z and A–Z, digits and
 * `/ - ? : ( ) . , ' +` and space. Names and texts outside it are transliterated rather than
 * refused, since a bank rejects the whole file for one "Ørsted".
 */
const SEPA_CHARACTER = /[A-Za-z0-9/\-?:().,'+ ]/;

/** Letters that do not decompose into a base letter and a diacritic. */
const LETTERS: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Ø: 'O',
  ø: 'o',
  Đ: 'D',
  đ: 'd',
  Ð: 'D',
  ð: 'd',
  Þ: 'Th',
  þ: 'th',
  ß: 'ss',
  Æ: 'AE',
  æ: 'ae',
  Œ: 'OE',
  œ: 'oe',
  ı: 'i',
  Ħ: 'H',
  ħ: 'h',
  '&': '+',
  '’': "'",
  '‘': "'",
  '–': '-',
  '—': '-',
  _: '-',
};

export function isSepaText(text: string): boolean {
  return [...text].every((character) => SEPA_CHARACTER.test(character));
}

/**
 * The text in the SEPA character set, at most `maxLength` characters: diacritics dropped (Łódź →
 * Lodz), a few letters spelled out (ß → ss), `&` as `+`, anything else a space; runs of spaces become one.
 */
export function toSepaText(text: string, maxLength: number): string {
  const spelled = [...text.normalize('NFC')].map((character) => LETTERS[character] ?? character).join('');
  const withoutDiacritics = spelled.normalize('NFD').replace(/\p{M}/gu, '');
  const allowed = [...withoutDiacritics].map((character) => (SEPA_CHARACTER.test(character) ? character : ' ')).join('');
  return allowed.replace(/ {2,}/g, ' ').trim().slice(0, maxLength).trim();
}

/**
 * An identifier (mandate reference, EndToEndId, message id) in the restricted set the SEPA rulebook
 * allows there: letters, digits and `/ - ? : ( ) . , ' +`, no space, not starting or ending with `/`
 * and without `//`.
 */
export function isSepaIdentifier(value: string, maxLength = 35): boolean {
  return (
    value.length >= 1 &&
    value.length <= maxLength &&
    /^[A-Za-z0-9/\-?:().,'+]+$/.test(value) &&
    !value.startsWith('/') &&
    !value.endsWith('/') &&
    !value.includes('//')
  );
}
