import { sumAreas } from '../../common/measures.js';
import type { ApplicationStatus } from './application.entity.js';

/** Which state may follow which; anything else is refused (422). */
const TRANSITIONS: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['allocated', 'waitlisted', 'rejected', 'withdrawn'],
  waitlisted: ['allocated', 'rejected', 'withdrawn'],
  /** Its floor was released: the group's allocation ended. */
  allocated: ['released'],
  released: [],
  rejected: [],
  withdrawn: [],
};

export function canMove(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The states an application may be in to become `to`: the guard of the SQL that moves it. */
export function statusesThatMayBecome(to: ApplicationStatus): ApplicationStatus[] {
  return (Object.keys(TRANSITIONS) as ApplicationStatus[]).filter((from) => canMove(from, to));
}

/** Mean of the scores to two decimals; null without reviews. */
export function meanScore(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  return Math.round((scores.reduce((sum, score) => sum + score, 0) / scores.length) * 100) / 100;
}

export function totalRequestedArea(members: readonly { requestedAreaM2: number }[]): number {
  return sumAreas(members.map((member) => member.requestedAreaM2));
}
