import { addDays } from '../../common/dates.js';

/** An interim use as the notice rule needs it. */
export interface InterimUseTerms {
  kind: string;
  manager: string;
  startsOn: string;
  endsOn: string | null;
  noticeDays: number;
}

export interface NoticeWarning {
  kind: string;
  manager: string;
  /** The last day notice can be given for the use to end before the planned start. */
  giveNoticeBy: string;
  /** The earliest day the use can end when notice is given today. */
  earliestEnd: string;
}

/**
 * The interim uses a planned start (of a broedplaats) collides with: those that still run on that day
 * and whose notice, given today, would end them only after it (a guardianship's 28 days, or a permit
 * that runs past it). Pure, so a conversion can ask it before it commits.
 */
export function noticeWarnings(uses: readonly InterimUseTerms[], plannedStart: string, today: string): NoticeWarning[] {
  return uses.flatMap((use) => {
    if (use.startsOn >= plannedStart) return [];
    if (use.endsOn !== null && use.endsOn <= plannedStart) return [];
    const earliestEnd = addDays(today, use.noticeDays);
    const endByNotice = use.endsOn !== null && use.endsOn < earliestEnd ? use.endsOn : earliestEnd;
    if (endByNotice <= plannedStart && use.kind !== 'temporary-letting') return [];
    return [{ kind: use.kind, manager: use.manager, giveNoticeBy: addDays(plannedStart, -use.noticeDays), earliestEnd: endByNotice }];
  });
}
