import { addMonths, daysInclusive } from '../../common/dates.js';
import { monthsBetween } from './vacancy-clock.js';

export const AGE_BUCKETS = ['0-6', '6-12', '12-24', '24+'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

/** A property as the pipeline counts it on its day. */
export interface PipelineProperty {
  district: string | null;
  /** The open vacancy file's state, or `let` when none is open. */
  status: string;
  vacantSince: string | null;
  vacantM2: number;
  totalM2: number;
  latitude: number | null;
  longitude: number | null;
}

/** A use (a building's head lease) of a property, with the vacancy it ended, if known. */
export interface PipelineUse {
  useStart: string;
  useEnd: string | null;
  totalM2: number;
  /** When the vacancy before this use began. */
  vacantSince: string | null;
}

export interface StatusCount {
  status: string;
  properties: number;
  vacantM2: number;
}

export interface AgeCount {
  bucket: AgeBucket;
  properties: number;
  vacantM2: number;
}

export interface DistrictPipeline {
  district: string;
  byStatus: StatusCount[];
  byAge: AgeCount[];
}

export interface VacancyPipeline {
  city: string;
  period: string;
  asOf: string;
  generatedOn: string;
  districts: DistrictPipeline[];
  total: DistrictPipeline;
  /** Per year: properties first put up for matching or a tender (offered) and uses that began (converted). */
  perYear: { year: number; offered: number; converted: number }[];
  medianDaysVacancyToHeadLease: number | null;
  /** The m² of uses whose head lease ends within 18 months of `asOf`: at risk of leaving the broedplaats. */
  m2AtRiskWithin18Months: number;
}

export function ageBucketOf(vacantSince: string, asOf: string): AgeBucket {
  const months = monthsBetween(vacantSince, asOf);
  return months < 6 ? '0-6' : months < 12 ? '6-12' : months < 24 ? '12-24' : '24+';
}

const round2 = (value: number) => Math.round(value * 100) / 100;

function districtOf(name: string, properties: readonly PipelineProperty[], asOf: string): DistrictPipeline {
  const statuses = [...new Set(properties.map((property) => property.status))].sort();
  return {
    district: name,
    byStatus: statuses.map((status) => {
      const matching = properties.filter((property) => property.status === status);
      return { status, properties: matching.length, vacantM2: round2(matching.reduce((sum, property) => sum + property.vacantM2, 0)) };
    }),
    byAge: AGE_BUCKETS.map((bucket) => {
      const matching = properties.filter((property) => property.vacantSince !== null && ageBucketOf(property.vacantSince, asOf) === bucket);
      return { bucket, properties: matching.length, vacantM2: round2(matching.reduce((sum, property) => sum + property.vacantM2, 0)) };
    }),
  };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The city's vacancy pipeline on `asOf`: pure, from the properties, their uses and the years' offers. */
export function vacancyPipeline(input: {
  city: string;
  period: string;
  asOf: string;
  generatedOn: string;
  properties: readonly PipelineProperty[];
  uses: readonly PipelineUse[];
  offeredOn: readonly string[];
}): VacancyPipeline {
  const { asOf } = input;
  const names = [...new Set(input.properties.map((property) => property.district ?? '—'))].sort((a, b) => a.localeCompare(b, 'nl'));
  const years = [
    ...new Set([...input.offeredOn.map((day) => Number(day.slice(0, 4))), ...input.uses.map((use) => Number(use.useStart.slice(0, 4)))]),
  ]
    .filter((year) => year <= Number(asOf.slice(0, 4)))
    .sort((a, b) => a - b);
  const horizon = addMonths(asOf, 18);
  return {
    city: input.city,
    period: input.period,
    asOf,
    generatedOn: input.generatedOn,
    districts: names.map((name) =>
      districtOf(
        name,
        input.properties.filter((property) => (property.district ?? '—') === name),
        asOf,
      ),
    ),
    total: districtOf('', input.properties, asOf),
    perYear: years.map((year) => ({
      year,
      offered: input.offeredOn.filter((day) => Number(day.slice(0, 4)) === year && day <= asOf).length,
      converted: input.uses.filter((use) => Number(use.useStart.slice(0, 4)) === year && use.useStart <= asOf).length,
    })),
    medianDaysVacancyToHeadLease: median(
      input.uses
        .filter((use) => use.vacantSince !== null && use.useStart <= asOf)
        .map((use) => daysInclusive(use.vacantSince!, use.useStart) - 1),
    ),
    m2AtRiskWithin18Months: round2(
      input.uses
        .filter((use) => use.useStart <= asOf && use.useEnd !== null && use.useEnd > asOf && use.useEnd <= horizon)
        .reduce((sum, use) => sum + use.totalM2, 0),
    ),
  };
}
