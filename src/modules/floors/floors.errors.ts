import { ConflictError } from '../../common/errors/domain-error.js';

export class FloorLevelTakenError extends ConflictError {
  constructor(level: number) {
    super('floor_level_taken', `Level ${level} is already used in this building`, [{ field: 'level', message: 'already in use' }]);
  }
}
