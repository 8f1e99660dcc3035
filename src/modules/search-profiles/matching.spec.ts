import fc from 'fast-check';
import { areaFitOf, bestPerUmbrella, type MatchProfile, type MatchProperty, rankCandidates, yearsBetween } from './matching.js';

const TODAY = '2026-01-15';

const office: MatchProperty = {
  areaM2: 3000,
  district: 'Oost',
  useCategory: 'office',
  availableFrom: '2026-03-01',
  availableUntil: '2033-03-01',
  askingRentPerM2YearCents: 4000,
};

function profile(overrides: Partial<MatchProfile> = {}): MatchProfile {
  return {
    id: 'p-1',
    umbrellaId: 'u-1',
    umbrellaName: 'Urban Resort',
    minimumYears: 5,
    minM2: 1000,
    maxM2: 5000,
    districts: [],
    buildingTypes: [],
    maxRentPerM2YearCents: 5000,
    ownInvestmentCents: 10_000_000,
    ...overrides,
  };
}

describe('matching', () => {
  it('shows per candidate which hard conditions pass or fail and the points of each soft criterion', () => {
    const [candidate] = rankCandidates(office, [profile({ districts: ['Oost', 'Centrum'], buildingTypes: ['office'] })], TODAY);
    expect(candidate).toMatchObject({ eligible: true, rank: 1 });
    expect(candidate!.conditions.map((condition) => [condition.condition, condition.outcome])).toEqual([
      ['minimumYears', 'pass'],
      ['areaRange', 'pass'],
      ['district', 'pass'],
      ['buildingType', 'pass'],
    ]);
    expect(Object.fromEntries(candidate!.criteria.map((criterion) => [criterion.criterion, criterion.points]))).toEqual({
      areaFit: 40,
      termMargin: 10,
      ownInvestment: 4,
      rent: 15,
    });
    expect(candidate!.points).toBe(69);
  });

  it('never passes a minimum-years condition when the end of availability is not known', () => {
    const [candidate] = rankCandidates({ ...office, availableUntil: null }, [profile()], TODAY);
    expect(candidate!.conditions[0]).toMatchObject({ condition: 'minimumYears', outcome: 'unknown' });
    expect(candidate!.eligible).toBe(false);
  });

  it('ranks the eligible first, then by points, then by name, and each umbrella once by its best profile', () => {
    const ranked = rankCandidates(
      office,
      [
        profile({ id: 'p-far', umbrellaId: 'u-2', umbrellaName: 'Ateliers', districts: ['Noord'] }),
        profile({ id: 'p-b', umbrellaId: 'u-3', umbrellaName: 'Broedplaats B' }),
        profile({ id: 'p-a', umbrellaId: 'u-4', umbrellaName: 'Broedplaats A' }),
        profile({ id: 'p-small', umbrellaId: 'u-4', umbrellaName: 'Broedplaats A', minM2: 2500, maxM2: 3100 }),
      ],
      TODAY,
    );
    expect(ranked.map((candidate) => candidate.profileId)).toEqual(['p-a', 'p-b', 'p-small', 'p-far']);
    expect(bestPerUmbrella(ranked).map((candidate) => [candidate.umbrellaId, candidate.rank])).toEqual([
      ['u-4', 1],
      ['u-3', 2],
      ['u-2', 3],
    ]);
  });

  it('counts years by whole months', () => {
    expect(yearsBetween('2026-01-31', '2031-01-31')).toBe(5);
    expect(yearsBetween('2026-01-31', '2031-01-30')).toBeCloseTo(4 + 11 / 12);
    expect(yearsBetween('2026-02-28', '2026-08-28')).toBe(0.5);
  });

  const day = fc
    .record({ year: fc.integer({ min: 2020, max: 2040 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
    .map(({ year, month, day: d }) => `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  const range = fc
    .tuple(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 20_000 }))
    .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);
  const property = fc.record({
    areaM2: fc.integer({ min: 1, max: 20_000 }),
    district: fc.constantFrom('Oost', 'West', null),
    useCategory: fc.constantFrom('office', 'industrial'),
    availableFrom: fc.option(day, { nil: null }),
    availableUntil: fc.option(day, { nil: null }),
    askingRentPerM2YearCents: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: null }),
  });
  const someProfile = fc
    .record({
      id: fc.uuid(),
      umbrellaId: fc.uuid(),
      umbrellaName: fc.constantFrom('A', 'B', 'C'),
      minimumYears: fc.integer({ min: 0, max: 15 }),
      range,
      districts: fc.subarray(['Oost', 'West', 'Noord']),
      buildingTypes: fc.subarray(['office', 'industrial']),
      maxRentPerM2YearCents: fc.option(fc.integer({ min: 1, max: 20_000 }), { nil: null }),
      ownInvestmentCents: fc.integer({ min: 0, max: 100_000_000 }),
    })
    .map(({ range: [minM2, maxM2], ...rest }): MatchProfile => ({ ...rest, minM2, maxM2 }));

  it('never ranks a better m² fit lower, the rest of the profile being equal', () => {
    fc.assert(
      fc.property(
        property,
        someProfile,
        range,
        fc.array(someProfile, { maxLength: 5 }),
        day,
        (offered, base, otherRange, others, today) => {
          const better = { ...base, id: `${base.id}-x` };
          const worse = { ...base, id: `${base.id}-y`, minM2: otherRange[0], maxM2: otherRange[1] };
          const fitOf = (candidate: MatchProfile) => areaFitOf(offered.areaM2, candidate);
          const [first, second] = fitOf(better) >= fitOf(worse) ? [better, worse] : [worse, better];
          fc.pre(fitOf(first) > fitOf(second));
          const ranked = rankCandidates(offered, [...others, second, first], today);
          const rankOf = (id: string) => ranked.find((candidate) => candidate.profileId === id)!.rank;
          return rankOf(first.id) < rankOf(second.id);
        },
      ),
    );
  });

  it('never lets a candidate pass whose minimum years exceed the term on offer', () => {
    fc.assert(
      fc.property(property, fc.array(someProfile, { minLength: 1, maxLength: 6 }), day, (offered, profiles, today) => {
        for (const candidate of rankCandidates(offered, profiles, today)) {
          if (!candidate.eligible) continue;
          const wanted = profiles.find((p) => p.id === candidate.profileId)!;
          if (offered.availableUntil === null) return false;
          const start = offered.availableFrom !== null && offered.availableFrom > today ? offered.availableFrom : today;
          if (yearsBetween(start, offered.availableUntil) < wanted.minimumYears) return false;
        }
        return true;
      }),
    );
  });

  it('ranks the same input the same way, whatever order the profiles come in', () => {
    fc.assert(
      fc.property(property, fc.array(someProfile, { maxLength: 6 }), day, (offered, profiles, today) => {
        const once = rankCandidates(offered, profiles, today).map((candidate) => candidate.profileId);
        const reversed = rankCandidates(offered, [...profiles].reverse(), today).map((candidate) => candidate.profileId);
        return JSON.stringify(once) === JSON.stringify(reversed);
      }),
    );
  });
});
