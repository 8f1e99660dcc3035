import { maskTimeCells, maskTotal, quartersOf, valueOfQuarterCents } from './time-rules.js';

describe('time account rules', () => {
  it('takes hours in quarters only', () => {
    expect(quartersOf(2.75)).toBe(11);
    expect(quartersOf(0.25)).toBe(1);
    expect(quartersOf(16)).toBe(64);
    expect(quartersOf(1.1)).toBeNull();
    expect(quartersOf(0.3)).toBeNull();
  });

  it('values quarters at the hourly value, rounding half up once', () => {
    expect(valueOfQuarterCents(11 * 2000)).toBe(5500);
    expect(valueOfQuarterCents(1 * 2001)).toBe(500); // 500.25
    expect(valueOfQuarterCents(2 * 2001)).toBe(1001); // 1000.5
  });

  it('shows <5 where fewer than five people stand behind a number, and withholds one more cell when one alone would be recoverable', () => {
    const cells = [
      { key: 'building', quarters: 400, people: 8, valueCents: 200_000 },
      { key: 'security', quarters: 40, people: 2, valueCents: 20_000 },
      { key: 'logistics', quarters: 100, people: 6, valueCents: 50_000 },
      { key: 'other', quarters: 0, people: 0, valueCents: 0 },
    ];
    expect(maskTimeCells(cells, true)).toEqual([
      { key: 'building', hours: 100, people: 8, valueCents: 200_000 },
      { key: 'security', hours: null, people: '<5', valueCents: null },
      { key: 'logistics', hours: null, people: '<5', valueCents: null },
      { key: 'other', hours: 0, people: 0, valueCents: 0 },
    ]);
    expect(maskTimeCells(cells, false)[2]).toEqual({ key: 'logistics', hours: 25, people: 6, valueCents: 50_000 });
    expect(maskTotal({ key: 'total', quarters: 8, people: 1, valueCents: 4000 })).toEqual({
      key: 'total',
      hours: null,
      people: '<5',
      valueCents: null,
    });
  });
});
