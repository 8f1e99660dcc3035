import { RuleError } from '../../common/errors/domain-error.js';
import { declareErrorCodes } from '../../common/errors/error-codes.js';
import type { OrganisationKind } from './organisation.entity.js';

export const ORGANISATIONS_ERRORS = declareErrorCodes('organisations', {
  organisation_not_found: { kind: 'not_found', en: 'No organisation {id}', nl: 'Geen organisatie {id}' },
  municipality_needs_city: {
    kind: 'rule',
    en: 'A municipality organisation needs the city it monitors',
    nl: 'Een gemeente moet de stad noemen waarop zij toezicht houdt',
  },
  unknown_organisation: {
    kind: 'rule',
    en: '{field} must name an existing organisation',
    nl: '{field} moet naar een bestaande organisatie verwijzen',
  },
  unknown_owner: {
    kind: 'rule',
    en: '{field} must name an existing organisation of kind owner',
    nl: '{field} moet naar een bestaande eigenaar verwijzen',
  },
  unknown_umbrella: {
    kind: 'rule',
    en: '{field} must name an existing organisation of kind umbrella',
    nl: '{field} moet naar een bestaande koepelorganisatie verwijzen',
  },
  unknown_municipality: {
    kind: 'rule',
    en: '{field} must name an existing organisation of kind municipality',
    nl: '{field} moet naar een bestaande gemeente verwijzen',
  },
});

const UNKNOWN_OF_KIND = {
  any: ORGANISATIONS_ERRORS.unknown_organisation,
  owner: ORGANISATIONS_ERRORS.unknown_owner,
  umbrella: ORGANISATIONS_ERRORS.unknown_umbrella,
  municipality: ORGANISATIONS_ERRORS.unknown_municipality,
} satisfies Record<OrganisationKind | 'any', unknown>;

/** A reference in a body that names no organisation (of the kind asked for): one code per kind. */
export class UnknownOrganisationError extends RuleError<'field'> {
  constructor(id: string, kind: OrganisationKind | null, field: string) {
    const described = kind ? `organisation of kind ${kind}` : 'organisation';
    super(UNKNOWN_OF_KIND[kind ?? 'any'], { field }, [{ field, message: `no ${described} ${id}` }]);
  }
}
