import { createLogger } from './console-logger.js';

function printed(terminal: boolean, context = 'Main', message: unknown = 'ready on http://localhost:3000 — API docs at /docs'): string {
  const lines: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array) => lines.push(String(chunk)) > 0) as typeof process.stdout.write;
  try {
    createLogger(undefined, terminal).log(message, context);
  } finally {
    process.stdout.write = write;
  }
  return lines.join('');
}

describe('the console logger', () => {
  it('writes readable text on a terminal', () => {
    const line = printed(true);
    expect(line).toContain('ready on http://localhost:3000 — API docs at /docs');
    expect(line).toContain('[Main]');
    expect(() => JSON.parse(line)).toThrow();
  });

  it('writes a structured entry as one readable line on a terminal', () => {
    const line = printed(true, 'HTTP', { requestId: 'r1', method: 'GET', path: '/health', status: 200, ms: 4 });
    expect(line.trim().split('\n')).toHaveLength(1);
    expect(line).toContain('requestId=r1 method=GET path=/health status=200 ms=4');
  });

  it('writes one JSON object per line otherwise', () => {
    const line = printed(false);
    expect(line.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(line)).toMatchObject({
      level: 'log',
      context: 'Main',
      message: 'ready on http://localhost:3000 — API docs at /docs',
    });
  });

  it('leaves out Nest’s line per module and route at start-up', () => {
    expect(printed(false, 'RoutesResolver')).toBe('');
    expect(printed(true, 'InstanceLoader')).toBe('');
  });
});
