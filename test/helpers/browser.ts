import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { Clock } from '../../src/common/clock/clock.js';
import type { Env } from '../../src/config/config.js';
import { EN } from '../../src/web/i18n/en.js';
import { NL } from '../../src/web/i18n/nl.js';
import { startTestApp, type TestApp } from './test-app.js';

/**
 * Browser tests drive Debian's chromium through playwright-core (no browser is downloaded at install).
 * Locally they skip, saying why, when the browser is absent; on CI (`CI=true`, set by .ci/run, which
 * installs chromium) a missing browser fails them instead.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const BROWSER_AVAILABLE = existsSync(CHROMIUM_PATH);

if (!BROWSER_AVAILABLE) {
  if (process.env.CI === 'true') throw new Error(`browser tests need chromium at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
  console.warn(`browser tests skipped: no chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
}

/** `describe` when the browser is there, else `describe.skip`. */
export const describeInBrowser = BROWSER_AVAILABLE ? describe : describe.skip;

export interface WebTestApp extends TestApp {
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (its own cookies), optionally signed in. */
  newPage(options?: { locale?: string; width?: number }): Promise<{ context: BrowserContext; page: Page }>;
  signIn(page: Page, email: string, password: string): Promise<void>;
}

export async function startWebApp(overrides: Env = {}, options: { clock?: Clock } = {}): Promise<WebTestApp> {
  const t = await startTestApp(overrides, options);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const contexts: BrowserContext[] = [];
  // The pages run under the app's Content-Security-Policy: anything it blocks (an inline script or style, a
  // resource from elsewhere) is a page that does not work as written, so a browser test fails on it.
  const blocked: string[] = [];
  return {
    ...t,
    baseUrl,
    browser,
    async newPage({ locale = 'nl-NL', width = 1280 } = {}) {
      const context = await browser.newContext({ baseURL: baseUrl, locale, viewport: { width, height: 900 } });
      contexts.push(context);
      const page = await context.newPage();
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) blocked.push(`${page.url()}: ${message.text()}`);
      });
      return { context, page };
    },
    async signIn(page, email, password) {
      await page.goto('/login');
      await page.locator('#email').fill(email);
      await page.locator('#password').fill(password);
      await Promise.all([
        page.waitForURL((url) => !url.pathname.startsWith('/login')),
        page.locator('form[action="/login"] button[type=submit]').click(),
      ]);
    },
    close: async () => {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await t.close();
      if (blocked.length > 0) throw new Error(`the Content-Security-Policy blocked:\n${[...new Set(blocked)].slice(0, 10).join('\n')}`);
    },
  };
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page as it stands (evaluated over CDP, so the page's CSP stays on). */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  // A string, so it runs in the page (with the page's `document`) and the compiler needs no DOM types.
  const violations = await page.evaluate<AxeViolation[]>(`axe
    .run(document, { resultTypes: ['violations'] })
    .then((result) => result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target }) => ({ target })) })))`);
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

const NAMESPACES = [...new Set(Object.keys(NL).map((key) => key.split('.')[0]!))];
/** A catalogue key shown as itself: what `translate` gives for a key that names no message. */
const RAW_KEY = new RegExp(`\\b(?:${NAMESPACES.join('|')})\\.[a-zA-Z][a-zA-Z0-9_-]*(?:\\.[a-zA-Z0-9_-]+)*`, 'g');
/**
 * Dutch phrases of the catalogue (the fixed parts between placeholders, of three words or more, so data
 * such as a programme called "Open ateliers" is not taken for one) that no English message contains.
 */
const DUTCH_ONLY = (() => {
  const english = Object.values(EN).join('\n');
  const phrases = Object.values(NL).flatMap((message) => message.split(/\{\w+\}/).map((part) => part.trim()));
  return [...new Set(phrases)].filter((phrase) => phrase.split(/\s+/).length >= 3 && !english.includes(phrase));
})();

/**
 * What is not in the page's own language: the `lang` attribute, catalogue keys shown raw, and (on an
 * English page) Dutch sentences of the catalogue. Empty when the page speaks its language throughout.
 */
export async function languageProblems(page: Page, language: 'nl' | 'en'): Promise<string[]> {
  const problems: string[] = [];
  const lang = await page.locator('html').getAttribute('lang');
  if (lang !== language) problems.push(`lang=${lang}`);
  const text = `${await page.title()}\n${await page.locator('body').innerText()}`;
  for (const match of text.matchAll(RAW_KEY)) problems.push(`raw key ${match[0]}`);
  if (language === 'en') for (const phrase of DUTCH_ONLY) if (text.includes(phrase)) problems.push(`Dutch: ${phrase}`);
  return problems;
}

/**
 * Opens each page of one signed-in account in Dutch and English, at desktop width and (for the portals)
 * at phone width, and lists every problem: a status other than 200, a serious or critical axe
 * violation, text not in the page's language, a page that scrolls sideways on a phone.
 */
export async function problemsOnEveryPage(
  t: WebTestApp,
  account: { email: string; password: string },
  paths: string[],
  { phone = true }: { phone?: boolean } = {},
): Promise<unknown[]> {
  const problems: unknown[] = [];
  for (const locale of ['nl-NL', 'en-GB'] as const) {
    const language = locale.slice(0, 2) as 'nl' | 'en';
    const { page } = await t.newPage({ locale });
    await t.signIn(page, account.email, account.password);
    // A language the user chose before wins over the browser's: choose this one, and give the old one back after.
    const chosen = (await page.locator('html').getAttribute('lang')) ?? language;
    if (chosen !== language) await chooseLanguage(page, language);
    for (const width of phone ? [1280, 375] : [1280]) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of paths) {
        const status = (await page.goto(path))?.status();
        if (status !== 200) problems.push({ path, locale, width, status });
        for (const violation of await seriousAxeViolations(page)) problems.push({ path, locale, width, axe: violation });
        for (const problem of await languageProblems(page, language)) problems.push({ path, locale, width, problem });
        if (width < 400) {
          const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
          if (overflow > 0) problems.push({ path, locale, width, overflow });
        }
      }
    }
    if (chosen !== language) await chooseLanguage(page, chosen);
  }
  return problems;
}

/** Switches the signed-in user's language with the switch every page has. */
async function chooseLanguage(page: Page, language: string): Promise<void> {
  await page.locator('#language-choice').selectOption(language);
  await Promise.all([
    page.waitForResponse((response) => new URL(response.url()).pathname === '/language'),
    page.locator('form[action="/language"] button').click(),
  ]);
  await page.waitForLoadState('load');
}
