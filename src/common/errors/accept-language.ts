import { LANGUAGES, type Language } from './error-codes.js';

/**
 * The language of the answer from an Accept-Language header: the supported language the client ranks
 * highest (`nl-NL,nl;q=0.9,en;q=0.8` → nl), English when it names none of ours.
 */
export function preferredLanguage(header: string | undefined): Language {
  const ranked = (header ?? '')
    .split(',')
    .map((entry, position) => {
      const [tag = '', ...parameters] = entry.trim().split(';');
      const quality = parameters.map((parameter) => /^\s*q=([\d.]+)\s*$/.exec(parameter)?.[1]).find((value) => value !== undefined);
      return { language: tag.trim().toLowerCase().split('-')[0]!, quality: quality === undefined ? 1 : Number(quality), position };
    })
    .filter(({ quality }) => quality > 0)
    .sort((a, b) => b.quality - a.quality || a.position - b.position);
  return ranked.map(({ language }) => LANGUAGES.find((supported) => supported === language)).find((found) => found !== undefined) ?? 'en';
}
