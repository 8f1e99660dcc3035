import { ConflictError } from '../../common/errors/domain-error.js';
import { declareErrorCodes } from '../../common/errors/error-codes.js';

export const FLOORS_ERRORS = declareErrorCodes('floors', {
  floor_not_found: { kind: 'not_found', en: 'No floor {id}', nl: 'Geen verdieping {id}' },
  floor_level_taken: {
    kind: 'conflict',
    en: 'Level {level} is already used in this building',
    nl: 'Verdieping {level} bestaat al in dit gebouw',
  },
  floor_left_broedplaats: {
    kind: 'rule',
    en: 'The floor left the broedplaats on {leftOn}',
    nl: 'De verdieping is op {leftOn} uit de broedplaats vertrokken',
  },
  floor_not_in_building: {
    kind: 'rule',
    en: 'Every floor named must be of this building',
    nl: 'Elke genoemde verdieping moet bij dit gebouw horen',
  },
});

export class FloorLevelTakenError extends ConflictError<'level'> {
  constructor(level: number) {
    super(FLOORS_ERRORS.floor_level_taken, { level }, [{ field: 'level', message: 'already in use' }]);
  }
}
