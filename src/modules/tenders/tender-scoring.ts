/**
 * The tender's decision rule, pure: each reviewer's complete review gives a weighted score
 * (Σ weight × score / 100, weights summing to 100), a proposal's total is the mean over its reviewers,
 * and the highest total wins; equal totals go to the earlier submission, then the lower id.
 */

export interface WeightedCriterion {
  position: number;
  weight: number;
}

export interface Score {
  proposalId: string;
  reviewerId: string;
  criterionPosition: number;
  score: number;
}

export interface RankedProposal {
  proposalId: string;
  /** The mean of the reviewers' weighted scores (1–10), unrounded; null: no complete review yet. */
  weightedTotal: number | null;
  reviewerCount: number;
  rank: number;
}

export function weightSum(criteria: readonly { weight: number }[]): number {
  return criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
}

/** A reviewer's weighted score of one proposal, or null when the review leaves a criterion out. */
export function weightedScore(criteria: readonly WeightedCriterion[], scores: ReadonlyMap<number, number>): number | null {
  if (criteria.some((criterion) => !scores.has(criterion.position))) return null;
  return criteria.reduce((sum, criterion) => sum + criterion.weight * scores.get(criterion.position)!, 0) / 100;
}

export function rankProposals(
  criteria: readonly WeightedCriterion[],
  proposals: readonly { id: string; submittedAt: Date }[],
  scores: readonly Score[],
): RankedProposal[] {
  const byReview = new Map<string, Map<number, number>>();
  for (const score of scores) {
    const key = `${score.proposalId}\u0000${score.reviewerId}`;
    if (!byReview.has(key)) byReview.set(key, new Map());
    byReview.get(key)!.set(score.criterionPosition, score.score);
  }
  const totals = proposals.map((proposal) => {
    const weighted = [...byReview.entries()]
      .filter(([key]) => key.startsWith(`${proposal.id}\u0000`))
      .map(([, review]) => weightedScore(criteria, review))
      .filter((value): value is number => value !== null);
    const weightedTotal = weighted.length === 0 ? null : weighted.reduce((sum, value) => sum + value, 0) / weighted.length;
    return { proposal, weightedTotal, reviewerCount: weighted.length };
  });
  totals.sort(
    (a, b) =>
      (b.weightedTotal ?? -1) - (a.weightedTotal ?? -1) ||
      a.proposal.submittedAt.getTime() - b.proposal.submittedAt.getTime() ||
      (a.proposal.id < b.proposal.id ? -1 : 1),
  );
  return totals.map((total, index) => ({
    proposalId: total.proposal.id,
    weightedTotal: total.weightedTotal,
    reviewerCount: total.reviewerCount,
    rank: index + 1,
  }));
}

/** The latest day a use may end, and why: the owner's date, a zoning deviation's ten years, a permit's end. */
export function latestUseEnd(limits: {
  useStart: string;
  ownerAvailableUntil: string | null;
  zoningDeviation: boolean;
  permitEndsOn: string | null;
}): { latest: string; because: 'owner' | 'zoning-deviation' | 'permit' } | null {
  const candidates: { latest: string; because: 'owner' | 'zoning-deviation' | 'permit' }[] = [];
  if (limits.ownerAvailableUntil !== null) candidates.push({ latest: limits.ownerAvailableUntil, because: 'owner' });
  if (limits.zoningDeviation) candidates.push({ latest: addYears(limits.useStart, 10), because: 'zoning-deviation' });
  if (limits.permitEndsOn !== null) candidates.push({ latest: limits.permitEndsOn, because: 'permit' });
  candidates.sort((a, b) => (a.latest < b.latest ? -1 : a.latest > b.latest ? 1 : 0));
  return candidates[0] ?? null;
}

/** The same day `years` later; 29 February becomes 28 February in a year without one. */
export function addYears(day: string, years: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const target = year + years;
  const lastOfMonth = new Date(Date.UTC(target, month, 0)).getUTCDate();
  return `${target}-${String(month).padStart(2, '0')}-${String(Math.min(date, lastOfMonth)).padStart(2, '0')}`;
}
