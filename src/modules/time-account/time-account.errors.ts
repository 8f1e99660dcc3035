import { declareErrorCodes } from '../../common/errors/error-codes.js';

export const TIME_ACCOUNT_ERRORS = declareErrorCodes('time-account', {
  working_group_not_found: { kind: 'not_found', en: 'No working group {id}', nl: 'Geen werkgroep {id}' },
  time_entry_not_found: { kind: 'not_found', en: 'No time entry {id}', nl: 'Geen urenregel {id}' },
  programme_event_not_found: { kind: 'not_found', en: 'No event {id}', nl: 'Geen activiteit {id}' },
  working_group_name_taken: {
    kind: 'conflict',
    en: 'This building already has a working group named {name}',
    nl: 'Dit gebouw heeft al een werkgroep met de naam {name}',
  },
  coordinator_not_a_tenant_of_building: {
    kind: 'rule',
    en: 'The coordinator must be a tenant of this building',
    nl: 'De coördinator moet een huurder van dit gebouw zijn',
  },
  not_a_tenant_of_building: {
    kind: 'rule',
    en: 'You record hours only in a building where you rent space',
    nl: 'U schrijft alleen uren in een gebouw waar u ruimte huurt',
  },
  working_group_of_other_building: {
    kind: 'rule',
    en: 'Working group {workingGroupId} belongs to another building',
    nl: 'Werkgroep {workingGroupId} hoort bij een ander gebouw',
  },
  time_entry_in_future: {
    kind: 'rule',
    en: 'Hours cannot be recorded for a day after today ({today})',
    nl: 'Uren kunnen niet worden geschreven op een dag na vandaag ({today})',
  },
  not_in_quarters: {
    kind: 'rule',
    en: 'Hours are recorded in quarters of an hour (0.25, 0.5, 0.75 …), between 0.25 and 16',
    nl: 'Uren worden geschreven in kwartieren (0,25, 0,5, 0,75 …), tussen 0,25 en 16',
  },
  day_over_sixteen_hours: {
    kind: 'rule',
    en: 'That makes {hours} hours on {date}; a person records at most 16 hours a day',
    nl: 'Dat maakt {hours} uur op {date}; iemand schrijft ten hoogste 16 uur per dag',
  },
  time_entry_decided: {
    kind: 'conflict',
    en: 'This entry was {status} and can no longer be changed',
    nl: 'Deze regel is {status} en kan niet meer worden gewijzigd',
  },
  double_balance_period_not_found: {
    kind: 'not_found',
    en: 'No figures of this building in {period} that you may see',
    nl: 'Geen cijfers van dit gebouw in {period} die u mag zien',
  },
  hourly_value_date_taken: {
    kind: 'conflict',
    en: 'An hourly value from {validFrom} is already set',
    nl: 'Er is al een uurwaarde vanaf {validFrom}',
  },
});
