import cookie from '@fastify/cookie';
import csrfProtection from '@fastify/csrf-protection';
import view from '@fastify/view';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Eta } from 'eta';
import { fileURLToPath } from 'node:url';

/**
 * Templates stay in src/web/templates: this file runs as src/web/*.ts under the tests and as
 * dist/web/*.js once built, two levels below the project either way.
 */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../src/web/templates/', import.meta.url));

/**
 * What the pages need of Fastify: cookies (the session and the CSRF secret), CSRF tokens and Eta
 * views. Nest parses the pages' form bodies itself; the API keeps refusing them (installJsonOnlyBodies).
 */
export async function installWeb(app: NestFastifyApplication): Promise<void> {
  await app.register(cookie);
  await app.register(csrfProtection, { cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true } });
  await app.register(view, {
    engine: { eta: new Eta({ autoEscape: true, autoTrim: false, cache: true }) },
    templates: TEMPLATES_DIR,
    production: true,
  });
}
