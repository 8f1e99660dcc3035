import { RuleError } from '../../common/errors/domain-error.js';
import { declareErrorCodes } from '../../common/errors/error-codes.js';
import type { ApplicationStatus } from './application.entity.js';

export const APPLICATIONS_ERRORS = declareErrorCodes('applications', {
  application_round_not_found: { kind: 'not_found', en: 'No application round {id}', nl: 'Geen aanvraagronde {id}' },
  application_not_found: { kind: 'not_found', en: 'No application {id}', nl: 'Geen aanvraag {id}' },
  offer_not_found: { kind: 'not_found', en: 'No offer {id}', nl: 'Geen aanbod {id}' },
  round_closes_before_it_opens: {
    kind: 'rule',
    en: 'A round must close on or after it opens',
    nl: 'Een ronde moet sluiten op of na de dag waarop ze opengaat',
  },
  round_not_open: {
    kind: 'rule',
    en: 'The round takes applications from {opensOn} to {closesOn}',
    nl: 'De ronde neemt aanvragen aan van {opensOn} tot en met {closesOn}',
  },
  group_too_large: {
    kind: 'rule',
    en: 'The group asks {requested} m²; the largest preferred floor has {largest} m²',
    nl: 'De groep vraagt {requested} m²; de grootste gewenste verdieping is {largest} m²',
  },
  not_reviewable: {
    kind: 'rule',
    en: 'An application that is {status} is not scored',
    nl: 'Een aanvraag met de status {status} krijgt geen score',
  },
  transition_refused: {
    kind: 'rule',
    en: 'An application that is {from} cannot become {to}',
    nl: 'Een aanvraag met de status {from} kan niet de status {to} krijgen',
  },
  floor_not_in_round: {
    kind: 'rule',
    en: 'The floor is not offered in this application’s round',
    nl: 'De verdieping wordt in de ronde van deze aanvraag niet aangeboden',
  },
  floor_already_allocated: {
    kind: 'conflict',
    en: 'The floor is already allocated to a group',
    nl: 'De verdieping is al aan een groep toegewezen',
  },
  floor_not_allocated: { kind: 'rule', en: 'The floor has no group allocated', nl: 'Aan de verdieping is geen groep toegewezen' },
  offer_closed: { kind: 'rule', en: 'The offer is no longer open', nl: 'Het aanbod staat niet meer open' },
  application_not_draft: {
    kind: 'rule',
    en: 'Only a draft application can be changed or deleted; this one is {status}',
    nl: 'Alleen een conceptaanvraag kan worden gewijzigd of verwijderd; deze is {status}',
  },
  offer_expired: {
    kind: 'rule',
    en: 'The offer had to be answered by {replyBy}',
    nl: 'Op het aanbod moest uiterlijk op {replyBy} gereageerd worden',
  },
});

export class TransitionRefusedError extends RuleError<'from' | 'to'> {
  constructor(from: ApplicationStatus, to: ApplicationStatus) {
    super(APPLICATIONS_ERRORS.transition_refused, { from, to });
  }
}
