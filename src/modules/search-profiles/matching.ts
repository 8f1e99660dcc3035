/**
 * Explainable matching of umbrellas' search profiles against one property. Pure: no Nest, no
 * database. Hard conditions pass, fail or are unknown (an unknown is never a pass: a property whose
 * availability has no end date cannot be said to last the profile's minimum years); soft criteria
 * give points. The ranking is deterministic: eligible first, then points, then the raw m² fit, then
 * the umbrella's name and the profile's id.
 */

export type Outcome = 'pass' | 'fail' | 'unknown';

export const HARD_CONDITIONS = ['minimumYears', 'areaRange', 'district', 'buildingType'] as const;
export type HardCondition = (typeof HARD_CONDITIONS)[number];

export const SOFT_CRITERIA = ['areaFit', 'termMargin', 'ownInvestment', 'rent'] as const;
export type SoftCriterion = (typeof SOFT_CRITERIA)[number];

/** The most points each soft criterion gives; 100 in all. */
export const SOFT_MAXIMUM: Record<SoftCriterion, number> = { areaFit: 40, termMargin: 25, ownInvestment: 20, rent: 15 };

/** Own investment earns its full points from € 500,000 on. */
export const FULL_INVESTMENT_CENTS = 50_000_000;
/** Years of availability beyond the minimum that earn the full term points. */
export const FULL_TERM_MARGIN_YEARS = 5;

export interface MatchProperty {
  /** The m² on offer (the vacant lettable floor area). */
  areaM2: number;
  district: string | null;
  useCategory: string;
  /** From when it is available (null: from `today`). */
  availableFrom: string | null;
  /** Until when; null: not known. */
  availableUntil: string | null;
  /** What the owner asks per m² per year, when known. */
  askingRentPerM2YearCents: number | null;
}

export interface MatchProfile {
  id: string;
  umbrellaId: string;
  umbrellaName: string;
  minimumYears: number;
  minM2: number;
  maxM2: number;
  /** Empty: any district. */
  districts: readonly string[];
  /** Use categories; empty: any. */
  buildingTypes: readonly string[];
  maxRentPerM2YearCents: number | null;
  ownInvestmentCents: number;
}

export interface ConditionResult {
  condition: HardCondition;
  outcome: Outcome;
  /** What was compared, for a reader: "6.0 years available, 5 required". */
  detail: string;
}

export interface CriterionResult {
  criterion: SoftCriterion;
  points: number;
  maximum: number;
  detail: string;
}

export interface Candidate {
  profileId: string;
  umbrellaId: string;
  umbrellaName: string;
  eligible: boolean;
  conditions: ConditionResult[];
  criteria: CriterionResult[];
  points: number;
  /** 1 is the best fit; every candidate has its own rank. */
  rank: number;
}

/** How close the area lies to the middle of the profile's range: 1 in the middle, 0 at or beyond its ends. */
export function areaFitOf(areaM2: number, profile: Pick<MatchProfile, 'minM2' | 'maxM2'>): number {
  if (areaM2 < profile.minM2 || areaM2 > profile.maxM2) return 0;
  const half = (profile.maxM2 - profile.minM2) / 2;
  if (half === 0) return 1;
  return 1 - Math.abs(areaM2 - (profile.minM2 + half)) / half;
}

/** Whole years and months between two days, as a decimal number of years (month ends count whole). */
export function yearsBetween(from: string, until: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [uy, um, ud] = until.split('-').map(Number) as [number, number, number];
  let months = (uy - fy) * 12 + (um - fm);
  if (ud < fd) months -= 1;
  return months / 12;
}

function evaluate(property: MatchProperty, profile: MatchProfile, today: string) {
  const start = property.availableFrom !== null && property.availableFrom > today ? property.availableFrom : today;
  const years = property.availableUntil === null ? null : yearsBetween(start, property.availableUntil);
  const fit = areaFitOf(property.areaM2, profile);
  const conditions: ConditionResult[] = [
    {
      condition: 'minimumYears',
      outcome: years === null ? 'unknown' : years > 0 && years >= profile.minimumYears ? 'pass' : 'fail',
      detail:
        years === null
          ? `end of availability not known, ${profile.minimumYears} years required`
          : `${Math.max(0, years).toFixed(1)} years available, ${profile.minimumYears} required`,
    },
    {
      condition: 'areaRange',
      outcome: property.areaM2 >= profile.minM2 && property.areaM2 <= profile.maxM2 ? 'pass' : 'fail',
      detail: `${property.areaM2} m² on offer, ${profile.minM2}–${profile.maxM2} m² sought`,
    },
    {
      condition: 'district',
      outcome:
        profile.districts.length === 0
          ? 'pass'
          : property.district === null
            ? 'unknown'
            : profile.districts.some((district) => district.toLowerCase() === property.district!.toLowerCase())
              ? 'pass'
              : 'fail',
      detail:
        profile.districts.length === 0
          ? 'any district'
          : `${property.district ?? 'district not known'}; sought: ${profile.districts.join(', ')}`,
    },
    {
      condition: 'buildingType',
      outcome: profile.buildingTypes.length === 0 || profile.buildingTypes.includes(property.useCategory) ? 'pass' : 'fail',
      detail: profile.buildingTypes.length === 0 ? 'any type' : `${property.useCategory}; sought: ${profile.buildingTypes.join(', ')}`,
    },
  ];
  const margin = years === null ? 0 : Math.max(0, Math.min(FULL_TERM_MARGIN_YEARS, years - profile.minimumYears));
  const rentKnown = property.askingRentPerM2YearCents !== null && profile.maxRentPerM2YearCents !== null;
  const rentShare = rentKnown
    ? property.askingRentPerM2YearCents! <= profile.maxRentPerM2YearCents!
      ? 1
      : Math.max(0, 1 - (property.askingRentPerM2YearCents! - profile.maxRentPerM2YearCents!) / profile.maxRentPerM2YearCents!)
    : 0;
  const criteria: CriterionResult[] = [
    {
      criterion: 'areaFit',
      points: Math.round(SOFT_MAXIMUM.areaFit * fit),
      maximum: SOFT_MAXIMUM.areaFit,
      detail: `fit ${fit.toFixed(2)}`,
    },
    {
      criterion: 'termMargin',
      points: Math.round((SOFT_MAXIMUM.termMargin * margin) / FULL_TERM_MARGIN_YEARS),
      maximum: SOFT_MAXIMUM.termMargin,
      detail: years === null ? 'end not known' : `${margin.toFixed(1)} years beyond the minimum`,
    },
    {
      criterion: 'ownInvestment',
      points: Math.round(
        (SOFT_MAXIMUM.ownInvestment * Math.min(profile.ownInvestmentCents, FULL_INVESTMENT_CENTS)) / FULL_INVESTMENT_CENTS,
      ),
      maximum: SOFT_MAXIMUM.ownInvestment,
      detail: `${profile.ownInvestmentCents} cents offered`,
    },
    {
      criterion: 'rent',
      points: Math.round(SOFT_MAXIMUM.rent * rentShare),
      maximum: SOFT_MAXIMUM.rent,
      detail: rentKnown
        ? `${property.askingRentPerM2YearCents} asked, at most ${profile.maxRentPerM2YearCents} per m² a year`
        : 'asking rent or maximum not known',
    },
  ];
  return {
    eligible: conditions.every((condition) => condition.outcome === 'pass'),
    conditions,
    criteria,
    points: criteria.reduce((sum, criterion) => sum + criterion.points, 0),
    fit,
  };
}

/**
 * Every profile as a candidate, ranked. Eligible (every hard condition passes) before not; then
 * more points; then the better m² fit (so a better fit never ranks lower when the rest is equal);
 * then the umbrella's name and the profile id, so equal candidates always come out in one order.
 */
export function rankCandidates(property: MatchProperty, profiles: readonly MatchProfile[], today: string): Candidate[] {
  const evaluated = profiles.map((profile) => ({ profile, ...evaluate(property, profile, today) }));
  evaluated.sort(
    (a, b) =>
      Number(b.eligible) - Number(a.eligible) ||
      b.points - a.points ||
      b.fit - a.fit ||
      a.profile.umbrellaName.localeCompare(b.profile.umbrellaName, 'nl') ||
      (a.profile.id < b.profile.id ? -1 : a.profile.id > b.profile.id ? 1 : 0),
  );
  return evaluated.map((entry, index) => ({
    profileId: entry.profile.id,
    umbrellaId: entry.profile.umbrellaId,
    umbrellaName: entry.profile.umbrellaName,
    eligible: entry.eligible,
    conditions: entry.conditions,
    criteria: entry.criteria,
    points: entry.points,
    rank: index + 1,
  }));
}

/** Each umbrella once, by its best-ranked profile, ranked again from 1. */
export function bestPerUmbrella(candidates: readonly Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return candidates
    .filter((candidate) => !seen.has(candidate.umbrellaId) && seen.add(candidate.umbrellaId) !== undefined)
    .map((candidate, index) => ({ ...candidate, rank: index + 1 }));
}
