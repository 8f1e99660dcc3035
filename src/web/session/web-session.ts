import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Language } from '../../common/errors/error-codes.js';
import { LANGUAGES } from '../../common/errors/error-codes.js';
import { preferredLanguage } from '../../common/errors/accept-language.js';

/**
 * The browser's session is the API's own signed access token (HS256, the app's persistent key), kept
 * in an httpOnly, SameSite=Lax cookie: Secure when the request came over TLS. The pages verify it as
 * the API verifies a bearer token, so revocation (token version) and expiry are the same.
 */
export const SESSION_COOKIE = 'bp_session';
export const LANGUAGE_COOKIE = 'bp_lang';

export function sessionTokenOf(request: FastifyRequest): string | undefined {
  return request.cookies?.[SESSION_COOKIE] || undefined;
}

export function setSession(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: maxAgeSeconds,
  });
}

export function clearSession(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** The language a page is written in: the chosen one (cookie, set at sign-in from the user's choice), else Accept-Language. */
export function languageOf(request: FastifyRequest): Language {
  const chosen = request.cookies?.[LANGUAGE_COOKIE];
  const known = LANGUAGES.find((language) => language === chosen);
  return known ?? preferredLanguageOrDutch(request.headers['accept-language']);
}

/** Dutch by default: English only when the browser ranks it above Dutch (a header naming neither means Dutch). */
function preferredLanguageOrDutch(header: string | undefined): Language {
  return preferredLanguage(`${header ?? ''},nl;q=0.001`);
}

export function setLanguage(request: FastifyRequest, reply: FastifyReply, language: Language): void {
  void reply.setCookie(LANGUAGE_COOKIE, language, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: 365 * 24 * 3600,
  });
}
