import { ConflictError } from '../../common/errors/domain-error.js';
import { declareErrorCodes } from '../../common/errors/error-codes.js';

export const SPACES_ERRORS = declareErrorCodes('spaces', {
  space_not_found: { kind: 'not_found', en: 'No space {id}', nl: 'Geen ruimte {id}' },
  unknown_space: { kind: 'rule', en: 'spaceId names no space', nl: 'spaceId verwijst niet naar een ruimte' },
  space_code_taken: {
    kind: 'conflict',
    en: 'Space code {code} is already used in this building',
    nl: 'De ruimtecode {code} wordt in dit gebouw al gebruikt',
  },
  space_has_leases: { kind: 'conflict', en: 'The space has leases', nl: 'De ruimte heeft huurcontracten' },
});

/** What still refers to a space that is to be deleted, by the foreign key that refused it. */
export const SPACE_REFERENCES: Record<string, () => Error> = {
  fk_lease_space: () => new ConflictError(SPACES_ERRORS.space_has_leases),
};

export class SpaceCodeTakenError extends ConflictError<'code'> {
  constructor(code: string) {
    super(SPACES_ERRORS.space_code_taken, { code }, [{ field: 'code', message: 'already in use' }]);
  }
}
