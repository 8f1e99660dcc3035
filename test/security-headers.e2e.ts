import { startTestApp, type TestApp } from './helpers/test-app.js';

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | undefined): Map<string, string[]> {
  return new Map(
    (header ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('security headers and the API docs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('sends helmet headers and a local-only policy on answers, errors and 404s alike', async () => {
    for (const response of [
      await t.http().get('/health'),
      await t.http().get('/api/buildings'),
      await t.http().get('/no-such-page'),
      await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{'),
    ]) {
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(response.headers['referrer-policy']).toBe('same-origin');
      const policy = directives(response.headers['content-security-policy']);
      expect(policy.get('default-src')).toEqual(["'self'"]);
      expect(policy.get('script-src')).toEqual(["'self'"]);
      expect(policy.get('style-src')).toEqual(["'self'"]);
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      expect(policy.has('upgrade-insecure-requests')).toBe(false);
    }
  });

  it('serves the Swagger UI under a policy it works with: local scripts only, its inline styles allowed', async () => {
    const page = await t.http().get('/docs');
    expect(page.status).toBe(200);
    const policy = directives(page.headers['content-security-policy']);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);

    const scripts = [...page.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      // An inline script would be blocked by script-src 'self'; every script must be a file of ours.
      expect(body!.trim()).toBe('');
      const source = /src=["']([^"']+)["']/.exec(attributes!)?.[1];
      expect(source).toMatch(/^\.?\/?[\w./-]+$/);
      const file = await t.http().get(new URL(source!, 'http://localhost/docs').pathname);
      expect(file.status).toBe(200);
    }
    for (const [, href] of page.text.matchAll(/<link[^>]*rel=["']stylesheet["'][^>]*href=["']([^"']+)["']/g)) {
      expect(href).not.toMatch(/^(https?:)?\/\//);
    }
    expect((await t.http().get('/docs-json')).status).toBe(200);
  });

  it('switches the docs off with DOCS_ENABLED=false', async () => {
    const quiet = await startTestApp({ DOCS_ENABLED: 'false' });
    try {
      for (const path of ['/docs', '/docs/', '/docs-json', '/docs/swagger-ui-init.js']) {
        expect((await quiet.http().get(path)).status).toBe(404);
      }
      expect((await quiet.http().get('/health')).status).toBe(200);
    } finally {
      await quiet.close();
    }
  });
});
