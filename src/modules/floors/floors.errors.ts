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
  floor_has_spaces: { kind: 'conflict', en: 'The floor has spaces', nl: 'De verdieping heeft ruimtes' },
  floor_in_rounds: {
    kind: 'conflict',
    en: 'The floor is offered in application rounds',
    nl: 'De verdieping wordt in aanvraagrondes aangeboden',
  },
  floor_has_allocations: {
    kind: 'conflict',
    en: 'The floor was allocated or offered to groups',
    nl: 'De verdieping is aan groepen toegewezen of aangeboden',
  },
});

/** What still refers to a floor that is to be deleted, by the foreign key that refused it. */
export const FLOOR_REFERENCES: Record<string, () => Error> = {
  fk_space_floor: () => new ConflictError(FLOORS_ERRORS.floor_has_spaces),
  fk_application_round_floor_floor: () => new ConflictError(FLOORS_ERRORS.floor_in_rounds),
  fk_application_preferred_floor_floor: () => new ConflictError(FLOORS_ERRORS.floor_in_rounds),
  fk_floor_allocation_floor: () => new ConflictError(FLOORS_ERRORS.floor_has_allocations),
  fk_floor_offer_floor: () => new ConflictError(FLOORS_ERRORS.floor_has_allocations),
};

export class FloorLevelTakenError extends ConflictError<'level'> {
  constructor(level: number) {
    super(FLOORS_ERRORS.floor_level_taken, { level }, [{ field: 'level', message: 'already in use' }]);
  }
}
