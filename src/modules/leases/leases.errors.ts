import { ConflictError } from '../../common/errors/domain-error.js';

export class LeaseOverlapError extends ConflictError {
  constructor() {
    super('lease_overlap', 'Another lease of this space overlaps this period', [
      { field: 'spaceId', message: 'already let in this period' },
    ]);
  }
}

export class RevisionExistsError extends ConflictError {
  constructor(date: string) {
    super('revision_exists', `The lease already has a rate revision on ${date}`, [
      { field: 'effectiveDate', message: 'already revised on this day' },
    ]);
  }
}

export class IndexationExistsError extends ConflictError {
  constructor(date: string) {
    super('indexation_exists', `The building was already indexed on ${date}`, [
      { field: 'effectiveDate', message: 'already indexed on this day' },
    ]);
  }
}
