import type { Language } from '../../common/errors/error-codes.js';
import { EN } from './en.js';
import { type MessageKey, NL } from './nl.js';

export type { MessageKey };

const CATALOGUES: Record<Language, Record<MessageKey, string>> = { nl: NL, en: EN };

/** The message in this language, `{name}` placeholders filled in. */
export function translate(language: Language, key: MessageKey, parameters: Record<string, string | number> = {}): string {
  // A key built from a request (a status, ?done=) may name nothing: show the key rather than fail the page.
  const message = CATALOGUES[language][key] ?? key;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in parameters ? String(parameters[name]) : whole));
}

export function catalogue(language: Language): Readonly<Record<MessageKey, string>> {
  return CATALOGUES[language];
}
