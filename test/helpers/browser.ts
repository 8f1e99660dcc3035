import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { Clock } from '../../src/common/clock/clock.js';
import type { Env } from '../../src/config/config.js';
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
