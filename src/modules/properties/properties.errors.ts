import { declareErrorCodes } from '../../common/errors/error-codes.js';

export const PROPERTIES_ERRORS = declareErrorCodes('properties', {
  property_not_found: { kind: 'not_found', en: 'No property {id}', nl: 'Geen pand {id}' },
  filter_not_for_candidates: {
    kind: 'rule',
    en: "An umbrella's staff cannot filter by the vacancy file (its state or months vacant): that stays the owner's and the city's",
    nl: 'Medewerkers van een koepel kunnen niet filteren op het leegstandsdossier (de stand of het aantal maanden leegstand): dat blijft van de eigenaar en de gemeente',
  },
  owner_required: {
    kind: 'rule',
    en: 'ownerId is required: name the organisation that owns the property',
    nl: 'ownerId is verplicht: noem de organisatie die het pand bezit',
  },
  outside_city: {
    kind: 'rule',
    en: 'The property lies outside your municipality ({city})',
    nl: 'Het pand ligt buiten uw gemeente ({city})',
  },
  vacant_over_total: {
    kind: 'rule',
    en: 'A floor cannot have more vacant m² than it has in total',
    nl: 'Een verdieping kan niet meer leegstaande m² hebben dan ze in totaal heeft',
  },
  duplicate_floor: { kind: 'rule', en: 'Floor {level} is listed twice', nl: 'Verdieping {level} staat er twee keer in' },
  vacancy_in_future: {
    kind: 'rule',
    en: 'A vacancy cannot start after today ({today})',
    nl: 'Leegstand kan niet na vandaag ({today}) beginnen',
  },
  availability_invalid: {
    kind: 'rule',
    en: 'availableUntil must be after availableFrom',
    nl: 'availableUntil moet na availableFrom liggen',
  },
  vacancy_already_open: {
    kind: 'conflict',
    en: 'The property already has an open vacancy period',
    nl: 'Het pand heeft al een lopende leegstandsperiode',
  },
  vacancy_before_previous: {
    kind: 'rule',
    en: 'A new vacancy cannot start before the previous one ended ({endedOn})',
    nl: 'Nieuwe leegstand kan niet beginnen voordat de vorige eindigde ({endedOn})',
  },
  coordinates_incomplete: {
    kind: 'rule',
    en: 'latitude and longitude come together',
    nl: 'latitude en longitude horen bij elkaar',
  },
  vacancy_period_not_found: { kind: 'not_found', en: 'No vacancy period {id}', nl: 'Geen leegstandsperiode {id}' },
  not_the_owner: {
    kind: 'forbidden',
    en: 'Only the owner files the report of its vacancy',
    nl: 'Alleen de eigenaar doet de melding van zijn leegstand',
  },
  transition_not_allowed: {
    kind: 'rule',
    en: 'A vacancy file that is {status} cannot {step}',
    nl: 'Een leegstandsdossier met de status {status} kan niet: {step}',
  },
  report_floor_unknown: {
    kind: 'rule',
    en: 'The report names floors the property does not have or more vacant m² than a floor has',
    nl: 'De melding noemt verdiepingen die het pand niet heeft, of meer leegstaande m² dan een verdieping heeft',
  },
  date_in_future: { kind: 'rule', en: 'The date cannot be after today ({today})', nl: 'De datum kan niet na vandaag ({today}) liggen' },
  consultation_before_report: {
    kind: 'rule',
    en: 'A consultation cannot be held before the report was filed ({filedOn})',
    nl: 'Overleg kan niet plaatsvinden voordat de melding is gedaan ({filedOn})',
  },
  report_already_filed: {
    kind: 'conflict',
    en: 'The report of this vacancy has been filed; a filed report does not change',
    nl: 'De melding van deze leegstand is gedaan; een gedane melding verandert niet',
  },
  interim_use_period_invalid: {
    kind: 'rule',
    en: 'An interim use must end after it starts',
    nl: 'Tijdelijk gebruik moet na de begindatum eindigen',
  },
  letting_needs_permit: {
    kind: 'rule',
    en: 'A temporary letting needs its permit reference and end date',
    nl: 'Tijdelijke verhuur heeft een vergunningnummer en einddatum nodig',
  },
  bag_id_taken: {
    kind: 'conflict',
    en: 'Another property has BAG unit id {id}',
    nl: 'Een ander pand heeft BAG-verblijfsobject-id {id}',
  },
});
