import { addDays, daysInclusive } from '../../common/dates.js';

export const DUNNING_STEPS = [1, 2, 3] as const;
/** 1 first reminder, 2 second reminder, 3 final notice. */
export type DunningStep = (typeof DUNNING_STEPS)[number];

/** Whole days from the due date to `day` (the day after the due date is 1). */
export function daysPastDue(dueDate: string, day: string): number {
  return daysInclusive(dueDate, day) - 1;
}

/**
 * The step to send on `day` to an overdue invoice, or null. Steps go in order and are never skipped:
 * after step n only step n + 1 can follow, once the invoice is `stepDays[n]` days past due and at
 * least the configured gap between the two steps has passed since step n was sent (so an invoice
 * whose dunning resumes after a broken arrangement does not get two letters on successive days).
 */
export function stepDueOn(
  invoice: { dueDate: string; lastStep: DunningStep | null; lastSentOn: string | null },
  day: string,
  stepDays: readonly [number, number, number],
): DunningStep | null {
  if (invoice.lastStep === 3) return null;
  const next = ((invoice.lastStep ?? 0) + 1) as DunningStep;
  if (daysPastDue(invoice.dueDate, day) < stepDays[next - 1]!) return null;
  if (invoice.lastStep !== null && invoice.lastSentOn !== null) {
    const gap = stepDays[next - 1]! - stepDays[invoice.lastStep - 1]!;
    if (addDays(invoice.lastSentOn, gap) > day) return null;
  }
  return next;
}

export type ArrangementStatus = 'active' | 'completed' | 'broken' | 'cancelled';

export interface InstalmentProgress {
  position: number;
  dueDate: string;
  amountCents: number;
  /** What of the payments since the arrangement counts toward this instalment, the earliest instalment first. */
  paidCents: number;
}

/**
 * Payments since the arrangement fill its instalments in the order they fall due. The arrangement is
 * completed once they cover the total, and broken once an instalment is still short `graceDays`
 * after its due date (the same days as the first reminder).
 */
export function followArrangement(
  instalments: { position: number; dueDate: string; amountCents: number }[],
  paidSinceCents: number,
  day: string,
  graceDays: number,
): { status: 'active' | 'completed' | 'broken'; instalments: InstalmentProgress[] } {
  let left = Math.max(0, paidSinceCents);
  const progress = [...instalments]
    .sort((a, b) => a.position - b.position)
    .map((instalment) => {
      const paidCents = Math.min(left, instalment.amountCents);
      left -= paidCents;
      return { ...instalment, paidCents };
    });
  if (progress.every((instalment) => instalment.paidCents === instalment.amountCents))
    return { status: 'completed', instalments: progress };
  const missed = progress.some(
    (instalment) => instalment.paidCents < instalment.amountCents && addDays(instalment.dueDate, graceDays) < day,
  );
  return { status: missed ? 'broken' : 'active', instalments: progress };
}
