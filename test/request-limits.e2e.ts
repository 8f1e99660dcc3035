import { once } from 'node:events';
import { connect } from 'node:net';
import { startTestApp, TEST_ADMIN, type TestApp } from './helpers/test-app.js';

describe('requests that try to tie the server up', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ HTTP_REQUEST_TIMEOUT_MS: '1000' });
  });
  afterAll(() => t.close());

  const nested = (depth: number, inner = '1') => '['.repeat(depth) + inner + ']'.repeat(depth);
  const tooDeep = {
    statusCode: 400,
    code: 'body_too_deep',
    message: 'The request body is nested deeper than 32 levels',
    details: [],
  };

  it('answers 800 KB of nested arrays with 400 on any JSON route, the anonymous login included', async () => {
    const flood = nested(400_000);
    for (const [path, auth] of [
      ['/api/auth/login', {}],
      ['/api/buildings', t.admin],
      ['/api/users', t.admin],
    ] as const) {
      const response = await t.http().post(path).set(auth).set('Content-Type', 'application/json').send(flood);
      expect(response.status).toBe(400);
      expect(response.body).toEqual(tooDeep);
    }
    const deepObject = '{"email":'.repeat(100) + '"x"' + '}'.repeat(100);
    const response = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send(deepObject);
    expect(response.body).toEqual(tooDeep);
  });

  it('still reads a body nested 32 levels deep, and signs in as before', async () => {
    const atLimit = `{"email":${nested(31, '"x"')},"password":"x"}`;
    const response = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send(atLimit);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain('email');
    expect((await t.http().post('/api/auth/login').send(TEST_ADMIN)).status).toBe(200);
  });

  it('cuts off a client that sends its body slowly once the request timeout has passed', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.getHttpServer().address() as { port: number };
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    const received: Buffer[] = [];
    // The server answers 408 and closes; a space dripped in just after that close makes the
    // server's kernel answer with a reset, which is the connection being cut off, not a failure.
    let answered = false;
    socket.on('data', (chunk: Buffer) => {
      answered = true;
      received.push(chunk);
    });
    socket.on('error', () => undefined);
    const started = Date.now();
    socket.write('POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
    const drip = setInterval(() => !answered && socket.writable && socket.write(' '), 100);
    let giveUp: NodeJS.Timeout | undefined;
    try {
      const closed = once(socket, 'close');
      const gaveUp = new Promise((_, reject) => {
        giveUp = setTimeout(() => reject(new Error('the connection was still open after 20 s')), 20_000);
      });
      await Promise.race([closed, gaveUp]);
    } finally {
      clearInterval(drip);
      clearTimeout(giveUp);
      socket.destroy();
    }
    // Without the timeout Node would wait 300 s; the margin is for a busy machine.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(Buffer.concat(received).toString()).toMatch(/^HTTP\/1\.1 408/);
  });
});
