import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedRequest } from '../common/auth/decorators.js';
import type { Language } from '../common/errors/error-codes.js';
import { formatCents, formatDate, formatEuros, formatNumber, formatPercent } from './format.js';
import { type MessageKey, translate } from './i18n/i18n.js';
import { languageOf } from './session/web-session.js';
import { localPath } from './local-path.js';
import { type NavItem, navigationFor } from './navigation.js';

/** A field's refusal, shown next to the field; `field` undefined for the form as a whole. */
export interface FieldError {
  field?: string;
  message: string;
}

/** What every template gets besides its own data: the language, the catalogue, formatting, the CSRF token and the signed-in user. */
export interface PageContext {
  lang: Language;
  t: (key: MessageKey, parameters?: Record<string, string | number>) => string;
  fmt: {
    date: typeof formatDate;
    cents: typeof formatCents;
    euros: typeof formatEuros;
    number: typeof formatNumber;
    percent: typeof formatPercent;
  };
  csrf: string;
  path: string;
  signedIn: boolean;
  role: string | null;
  /** The signed-in role's menu, the current page marked. */
  nav: (NavItem & { isCurrent: boolean })[];
  title: string;
}

/**
 * The page a request shows, to come back to (after switching language or signing in again): its own URL
 * for a GET; for a form's POST, which has no page of its own, the page the form was on (the Referer,
 * if it is one of ours), else the dashboard.
 */
export function pagePathOf(request: FastifyRequest): string {
  if (request.method === 'GET') return request.url;
  const referer = request.headers.referer;
  if (!referer) return '/';
  try {
    const url = new URL(referer);
    return url.host === request.headers.host ? localPath(url.pathname + url.search) : '/';
  } catch {
    return '/';
  }
}

const FORMATTERS = { date: formatDate, cents: formatCents, euros: formatEuros, number: formatNumber, percent: formatPercent };

export function pageContext(request: FastifyRequest, reply: FastifyReply, title: MessageKey): PageContext {
  const lang = languageOf(request);
  const principal = (request as AuthenticatedRequest).principal;
  return {
    lang,
    t: (key, parameters) => translate(lang, key, parameters),
    fmt: FORMATTERS,
    csrf: reply.generateCsrf(),
    path: pagePathOf(request),
    signedIn: principal !== undefined,
    role: principal?.role ?? null,
    nav: navigationFor(principal?.role ?? null, pagePathOf(request)),
    title: translate(lang, title),
  };
}

/** Renders a template of src/web/templates as an HTML page (or, for htmx, the fragment it asks for). */
export async function renderPage(
  request: FastifyRequest,
  reply: FastifyReply,
  template: string,
  title: MessageKey,
  data: Record<string, unknown> = {},
): Promise<string> {
  void reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
  return reply.viewAsync(template, { ...pageContext(request, reply, title), ...data });
}
