import fc from 'fast-check';
import { addYears, latestUseEnd, rankProposals, weightedScore } from './tender-scoring.js';

const criteria = [
  { position: 1, weight: 50 },
  { position: 2, weight: 30 },
  { position: 3, weight: 20 },
];

describe('tender scoring', () => {
  it('weighs each criterion and takes the mean over the reviewers', () => {
    const scores = [
      ...[8, 6, 10].map((score, i) => ({ proposalId: 'a', reviewerId: 'r1', criterionPosition: i + 1, score })),
      ...[6, 6, 6].map((score, i) => ({ proposalId: 'a', reviewerId: 'r2', criterionPosition: i + 1, score })),
      ...[9, 9, 9].map((score, i) => ({ proposalId: 'b', reviewerId: 'r1', criterionPosition: i + 1, score })),
      { proposalId: 'b', reviewerId: 'r2', criterionPosition: 1, score: 1 },
    ];
    const ranked = rankProposals(
      criteria,
      [
        { id: 'a', submittedAt: new Date('2026-01-01') },
        { id: 'b', submittedAt: new Date('2026-01-02') },
        { id: 'c', submittedAt: new Date('2026-01-03') },
      ],
      scores,
    );
    expect(ranked).toEqual([
      { proposalId: 'b', weightedTotal: 9, reviewerCount: 1, rank: 1 },
      { proposalId: 'a', weightedTotal: (7.8 + 6) / 2, reviewerCount: 2, rank: 2 },
      { proposalId: 'c', weightedTotal: null, reviewerCount: 0, rank: 3 },
    ]);
  });

  it('keeps a weighted score between the lowest and highest score given', () => {
    fc.assert(
      fc.property(fc.tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 })), (given) => {
        const value = weightedScore(criteria, new Map(given.map((score, i) => [i + 1, score])))!;
        return value >= Math.min(...given) - 1e-9 && value <= Math.max(...given) + 1e-9;
      }),
    );
  });

  it('takes the earliest of the owner’s date, ten years of a zoning deviation and a permit’s end', () => {
    expect(latestUseEnd({ useStart: '2026-09-01', ownerAvailableUntil: '2040-01-01', zoningDeviation: true, permitEndsOn: null })).toEqual({
      latest: '2036-09-01',
      because: 'zoning-deviation',
    });
    expect(
      latestUseEnd({ useStart: '2026-09-01', ownerAvailableUntil: '2031-01-01', zoningDeviation: true, permitEndsOn: '2032-01-01' }),
    ).toEqual({
      latest: '2031-01-01',
      because: 'owner',
    });
    expect(latestUseEnd({ useStart: '2026-09-01', ownerAvailableUntil: null, zoningDeviation: false, permitEndsOn: null })).toBeNull();
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
  });
});
