import { ConflictError, RuleError } from '../../common/errors/domain-error.js';
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
  organisation_kind_fixed: {
    kind: 'rule',
    en: 'An organisation stays of kind {kind}; delete it and create another if nothing refers to it',
    nl: 'Een organisatie blijft van het soort {kind}; verwijder haar en maak een nieuwe als niets ernaar verwijst',
  },
  organisation_has_buildings: {
    kind: 'conflict',
    en: 'The organisation owns or manages buildings',
    nl: 'De organisatie is eigenaar of beheerder van gebouwen',
  },
  organisation_has_users: { kind: 'conflict', en: 'The organisation has users', nl: 'De organisatie heeft gebruikers' },
  organisation_has_handovers: {
    kind: 'conflict',
    en: 'The organisation is a party to handovers',
    nl: 'De organisatie is partij bij overdrachten',
  },
  organisation_has_investments: {
    kind: 'conflict',
    en: 'The organisation made investments in buildings',
    nl: 'De organisatie heeft in gebouwen geïnvesteerd',
  },
});

/** What still refers to an organisation that is to be deleted, by the foreign key that refused it. */
export const ORGANISATION_REFERENCES: Record<string, () => Error> = {
  fk_building_owner: () => new ConflictError(ORGANISATIONS_ERRORS.organisation_has_buildings),
  fk_building_umbrella: () => new ConflictError(ORGANISATIONS_ERRORS.organisation_has_buildings),
  fk_app_user_organisation: () => new ConflictError(ORGANISATIONS_ERRORS.organisation_has_users),
  fk_handover_from_owner: () => new ConflictError(ORGANISATIONS_ERRORS.organisation_has_handovers),
  fk_handover_to_owner: () => new ConflictError(ORGANISATIONS_ERRORS.organisation_has_handovers),
  fk_investment_party: () => new ConflictError(ORGANISATIONS_ERRORS.organisation_has_investments),
};

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
