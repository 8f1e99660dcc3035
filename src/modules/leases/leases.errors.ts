import { ConflictError } from '../../common/errors/domain-error.js';
import { declareErrorCodes } from '../../common/errors/error-codes.js';

export const LEASES_ERRORS = declareErrorCodes('leases', {
  lease_not_found: { kind: 'not_found', en: 'No lease {id}', nl: 'Geen huurcontract {id}' },
  notice_not_found: { kind: 'not_found', en: 'No notice {id}', nl: 'Geen ontruimingsaanzegging {id}' },
  notice_not_ready: {
    kind: 'conflict',
    en: 'The notice letter is still being made',
    nl: 'De brief met de ontruimingsaanzegging wordt nog gemaakt',
  },
  lease_overlap: {
    kind: 'conflict',
    en: 'Another lease of this space overlaps this period',
    nl: 'Een ander huurcontract voor deze ruimte overlapt deze periode',
  },
  revision_exists: {
    kind: 'conflict',
    en: 'The lease already has a rate revision on {date}',
    nl: 'Het huurcontract heeft op {date} al een tariefwijziging',
  },
  indexation_exists: {
    kind: 'conflict',
    en: 'The building was already indexed on {date}',
    nl: 'Het gebouw is op {date} al geïndexeerd',
  },
  lease_ends_before_start: {
    kind: 'rule',
    en: 'The lease must end on or after its start',
    nl: 'Het huurcontract moet op of na de ingangsdatum eindigen',
  },
  lease_before_head_lease: {
    kind: 'rule',
    en: 'The building is in use from {useStart}',
    nl: 'Het gebouw is pas vanaf {useStart} in gebruik',
  },
  lease_outlives_head_lease: {
    kind: 'rule',
    en: 'The head lease of this temporary building ends on {useEnd}',
    nl: 'Het hoofdhuurcontract van dit tijdelijke gebouw eindigt op {useEnd}',
  },
  notice_period_out_of_range: {
    kind: 'rule',
    en: 'Ordinary business space has a notice period of one to three months',
    nl: 'Voor gewone bedrijfsruimte is de opzegtermijn één tot drie maanden',
  },
  vat_standard_not_allowed: {
    kind: 'rule',
    en: 'This lease cannot be let with 21% VAT',
    nl: 'Dit huurcontract kan niet met 21% btw worden aangegaan',
  },
  notice_in_future: {
    kind: 'rule',
    en: 'Notice cannot be dated in the future',
    nl: 'Een opzegging kan niet in de toekomst gedateerd worden',
  },
  lease_already_ended: { kind: 'rule', en: 'The lease ended on {endDate}', nl: 'Het huurcontract is op {endDate} geëindigd' },
  termination_extends_lease: {
    kind: 'rule',
    en: 'The lease already ends on {endDate}; notice cannot extend it',
    nl: 'Het huurcontract eindigt al op {endDate}; een opzegging kan het niet verlengen',
  },
  inside_notice_period: {
    kind: 'rule',
    en: 'With {noticeMonths} month(s) notice given on {noticeDate}, the lease can end on {earliest} at the earliest',
    nl: 'Met {noticeMonths} maand(en) opzegtermijn, opgezegd op {noticeDate}, kan het huurcontract op zijn vroegst op {earliest} eindigen',
  },
  revision_outside_lease: {
    kind: 'rule',
    en: 'A revision takes effect after the start and within the lease',
    nl: 'Een wijziging gaat in na de ingangsdatum en binnen de looptijd van het huurcontract',
  },
});

export class LeaseOverlapError extends ConflictError {
  constructor() {
    super(LEASES_ERRORS.lease_overlap, {}, [{ field: 'spaceId', message: 'already let in this period' }]);
  }
}

export class RevisionExistsError extends ConflictError<'date'> {
  constructor(date: string) {
    super(LEASES_ERRORS.revision_exists, { date }, [{ field: 'effectiveDate', message: 'already revised on this day' }]);
  }
}

export class IndexationExistsError extends ConflictError<'date'> {
  constructor(date: string) {
    super(LEASES_ERRORS.indexation_exists, { date }, [{ field: 'effectiveDate', message: 'already indexed on this day' }]);
  }
}
