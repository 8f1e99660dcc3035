import { nestsDeeperThan } from './json-depth.js';

const nested = (depth: number, inner = '1') => Buffer.from('['.repeat(depth) + inner + ']'.repeat(depth));

describe('nestsDeeperThan', () => {
  it('allows nesting up to the limit and refuses one level more', () => {
    expect(nestsDeeperThan(nested(32), 32)).toBe(false);
    expect(nestsDeeperThan(nested(33), 32)).toBe(true);
    expect(nestsDeeperThan(Buffer.from('{"a":{"b":[{"c":1}]}}'), 3)).toBe(true);
    expect(nestsDeeperThan(Buffer.from('{"a":{"b":[{"c":1}]}}'), 4)).toBe(false);
  });

  it('counts siblings once, not their sum', () => {
    expect(nestsDeeperThan(Buffer.from('[' + '[],'.repeat(1000) + '[]]'), 2)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(nestsDeeperThan(Buffer.from(JSON.stringify({ text: '[[[[{{{{"\\' + '['.repeat(100) })), 1)).toBe(false);
  });

  it('refuses an unclosed flood of brackets at once', () => {
    expect(nestsDeeperThan(Buffer.from('['.repeat(800_000)), 32)).toBe(true);
  });
});
