import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * The pages this server renders use its own scripts and styles only, and nothing may frame them.
 * No `upgrade-insecure-requests`: the embedded demo is served over plain HTTP.
 */
const PAGE_POLICY = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
};

/** The Swagger UI's page carries inline `<style>` blocks and style attributes; its scripts are files. */
const DOCS_POLICY = { ...PAGE_POLICY, 'style-src': ["'self'", "'unsafe-inline'"] };

/** Helmet's security headers on every answer, errors and 404s included, with a tighter policy than its default. */
export async function installSecurityHeaders(app: NestFastifyApplication, docsPath: string): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  // Routes are registered later (at init); each /docs route gets the looser policy as its own helmet options.
  fastify.addHook('onRoute', (route) => {
    if (route.url === `/${docsPath}` || route.url.startsWith(`/${docsPath}/`)) {
      route.config = { ...route.config, helmet: { contentSecurityPolicy: { useDefaults: false, directives: DOCS_POLICY } } };
    }
  });
  // same-origin: a page's own forms carry it back (the pages return there after a refused form), other sites never get it.
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: PAGE_POLICY },
    referrerPolicy: { policy: 'same-origin' },
  });
}
