import { addMonths } from '../../common/dates.js';
import type { ErrorDetail } from '../../common/errors/domain-error.js';

export const LEASE_STATUSES = ['upcoming', 'active', 'ended'] as const;
export type LeaseStatus = (typeof LEASE_STATUSES)[number];

export const VAT_REGIMES = ['exempt', 'standard'] as const;
export type VatRegime = (typeof VAT_REGIMES)[number];

/** Ordinary business space (art. 7:230a BW) has a notice period of one to three months. */
export const MAX_NOTICE_MONTHS_ORDINARY = 3;
export const MAX_NOTICE_MONTHS_PUBLIC_COUNTER = 12;

export function leaseStatus(lease: { startDate: string; endDate: string | null }, today: string): LeaseStatus {
  if (lease.startDate > today) return 'upcoming';
  if (lease.endDate !== null && lease.endDate < today) return 'ended';
  return 'active';
}

/**
 * Rent is VAT-exempt unless the tenant opts for taxed letting, which Dutch law allows only for a
 * VAT-registered tenant with at least 90% VAT-taxed use that does not use the small-business scheme.
 */
export function standardVatProblems(input: {
  vatNumber: string | null;
  taxableUsePercent?: number;
  smallBusinessScheme?: boolean;
}): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (!input.vatNumber) problems.push({ field: 'tenantId', message: 'the tenant has no VAT number' });
  if (input.taxableUsePercent === undefined || input.taxableUsePercent < 90) {
    problems.push({ field: 'taxableUsePercent', message: 'taxed letting needs at least 90% VAT-taxed use' });
  }
  if (input.smallBusinessScheme !== false) {
    problems.push({ field: 'smallBusinessScheme', message: 'taxed letting needs smallBusinessScheme: false (no KOR)' });
  }
  return problems;
}

/** The earliest end a notice given on `noticeDate` allows. */
export function earliestEndAfterNotice(noticeDate: string, noticeMonths: number): string {
  return addMonths(noticeDate, noticeMonths);
}

/** The rate in force on a day: the newest revision whose date has come. */
export function rateOn<R extends { effectiveDate: string; ratePerM2YearCents: number; bandCode: string }>(
  revisions: readonly R[],
  day: string,
): R | null {
  let current: R | null = null;
  for (const revision of revisions) {
    if (revision.effectiveDate <= day && (current === null || revision.effectiveDate > current.effectiveDate)) current = revision;
  }
  return current;
}
