import { ConflictError, RuleError } from '../../common/errors/domain-error.js';
import { declareErrorCodes } from '../../common/errors/error-codes.js';

export const BUILDINGS_ERRORS = declareErrorCodes('buildings', {
  building_not_found: { kind: 'not_found', en: 'No building {id}', nl: 'Geen gebouw {id}' },
  unknown_building: { kind: 'rule', en: 'buildingId names no building', nl: 'buildingId verwijst niet naar een gebouw' },
  unknown_property: { kind: 'rule', en: 'propertyId names no property', nl: 'propertyId verwijst niet naar een pand' },
  invoice_prefix_taken: {
    kind: 'conflict',
    en: 'Invoice prefix {prefix} is used by another building',
    nl: 'Het factuurvoorvoegsel {prefix} wordt al door een ander gebouw gebruikt',
  },
  use_period_invalid: {
    kind: 'rule',
    en: 'The head lease must end after it starts',
    nl: 'Het hoofdhuurcontract moet na de ingangsdatum eindigen',
  },
  owner_changes_by_handover: {
    kind: 'rule',
    en: 'The building changed owner by a handover; a later owner comes by a handover too',
    nl: 'Het gebouw is door een overdracht van eigenaar gewisseld; een volgende eigenaar komt ook door een overdracht',
  },
  use_period_cuts_leases: {
    kind: 'rule',
    en: '{count} leases would start before the building is in use or outlive its head lease',
    nl: '{count} huurcontracten zouden beginnen voordat het gebouw in gebruik is of na het hoofdhuurcontract doorlopen',
  },
  umbrella_not_yours: {
    kind: 'rule',
    en: 'An umbrella’s staff let buildings to their own umbrella only',
    nl: 'Medewerkers van een koepel verhuren gebouwen alleen aan hun eigen koepel',
  },
  building_has_floors: { kind: 'conflict', en: 'The building has floors', nl: 'Het gebouw heeft verdiepingen' },
  building_has_leases: { kind: 'conflict', en: 'The building has leases', nl: 'Het gebouw heeft huurcontracten' },
  building_has_rent_bands: {
    kind: 'conflict',
    en: 'The building has rent band schemes or band assessments',
    nl: 'Het gebouw heeft huurklassen of inkomenstoetsen',
  },
  building_has_invoices: { kind: 'conflict', en: 'The building has invoices', nl: 'Het gebouw heeft facturen' },
  building_has_application_rounds: {
    kind: 'conflict',
    en: 'The building has application rounds',
    nl: 'Het gebouw heeft aanvraagrondes',
  },
  building_has_handovers: { kind: 'conflict', en: 'The building has handovers', nl: 'Het gebouw heeft overdrachten' },
  building_has_finance: {
    kind: 'conflict',
    en: 'The building has owner finance or investments',
    nl: 'Het gebouw heeft eigenaarsfinanciën of investeringen',
  },
});

/** What still refers to a building that is to be deleted, by the foreign key that refused it. */
export const BUILDING_REFERENCES: Record<string, () => Error> = {
  fk_floor_building: () => new ConflictError(BUILDINGS_ERRORS.building_has_floors),
  fk_space_building: () => new ConflictError(BUILDINGS_ERRORS.building_has_floors),
  fk_lease_building: () => new ConflictError(BUILDINGS_ERRORS.building_has_leases),
  fk_building_indexation_building: () => new ConflictError(BUILDINGS_ERRORS.building_has_leases),
  fk_band_assessment_building: () => new ConflictError(BUILDINGS_ERRORS.building_has_rent_bands),
  fk_rent_band_scheme_building: () => new ConflictError(BUILDINGS_ERRORS.building_has_rent_bands),
  fk_invoice_run_building: () => new ConflictError(BUILDINGS_ERRORS.building_has_invoices),
  fk_invoice_building: () => new ConflictError(BUILDINGS_ERRORS.building_has_invoices),
  fk_application_round_building: () => new ConflictError(BUILDINGS_ERRORS.building_has_application_rounds),
  fk_handover_building: () => new ConflictError(BUILDINGS_ERRORS.building_has_handovers),
  fk_building_finance_building: () => new ConflictError(BUILDINGS_ERRORS.building_has_finance),
  fk_investment_building: () => new ConflictError(BUILDINGS_ERRORS.building_has_finance),
};

export class InvoicePrefixTakenError extends ConflictError<'prefix'> {
  constructor(prefix: string) {
    super(BUILDINGS_ERRORS.invoice_prefix_taken, { prefix }, [{ field: 'invoicePrefix', message: 'already in use' }]);
  }
}

export class UsePeriodError extends RuleError {
  constructor() {
    super(BUILDINGS_ERRORS.use_period_invalid, {}, [{ field: 'useEnd', message: 'must be after useStart' }]);
  }
}
