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
});

export class SpaceCodeTakenError extends ConflictError<'code'> {
  constructor(code: string) {
    super(SPACES_ERRORS.space_code_taken, { code }, [{ field: 'code', message: 'already in use' }]);
  }
}
