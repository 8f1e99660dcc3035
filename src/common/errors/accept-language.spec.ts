import { preferredLanguage } from './accept-language.js';

describe('preferredLanguage', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['nl', 'nl'],
    ['nl-NL,nl;q=0.9,en;q=0.8', 'nl'],
    ['en-US,en;q=0.9,nl;q=0.8', 'en'],
    ['en;q=0.5, nl-BE;q=0.8', 'nl'],
    ['de-DE,de;q=0.9,nl;q=0.5', 'nl'],
    ['fr, de', 'en'],
    ['nl;q=0, en', 'en'],
    ['*', 'en'],
    ['NL', 'nl'],
  ])('%p → %s', (header, language) => {
    expect(preferredLanguage(header)).toBe(language);
  });
});
