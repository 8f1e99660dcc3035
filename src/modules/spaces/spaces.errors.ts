import { ConflictError } from '../../common/errors/domain-error.js';

export class SpaceCodeTakenError extends ConflictError {
  constructor(code: string) {
    super('space_code_taken', `Space code ${code} is already used in this building`, [{ field: 'code', message: 'already in use' }]);
  }
}
