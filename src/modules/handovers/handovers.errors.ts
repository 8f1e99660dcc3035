import { declareErrorCodes } from '../../common/errors/error-codes.js';

export const HANDOVERS_ERRORS = declareErrorCodes('handovers', {
  handover_not_found: { kind: 'not_found', en: 'No handover {id}', nl: 'Geen eigendomsoverdracht {id}' },
  handover_failed: {
    kind: 'rule',
    en: 'The handover stopped on an error; tell the administrator',
    nl: 'De eigendomsoverdracht is op een fout gestopt; meld het de beheerder',
  },
  same_owner: { kind: 'rule', en: 'The building already belongs to this owner', nl: 'Het gebouw is al van deze eigenaar' },
  transfer_outside_use: {
    kind: 'rule',
    en: 'The transfer date must fall within the building’s use',
    nl: 'De overdrachtsdatum moet binnen de gebruiksperiode van het gebouw vallen',
  },
  transfer_before_previous_handover: {
    kind: 'rule',
    en: 'The building was last handed over on {previous}',
    nl: 'Het gebouw is voor het laatst op {previous} overgedragen',
  },
  use_end_before_transfer: {
    kind: 'rule',
    en: 'A new end of use must come after the transfer',
    nl: 'Een nieuw einde van het gebruik moet na de overdracht liggen',
  },
  handover_in_progress: {
    kind: 'conflict',
    en: 'A handover of this building is still in progress',
    nl: 'Er loopt nog een eigendomsoverdracht van dit gebouw',
  },
  handover_not_scheduled: {
    kind: 'conflict',
    en: 'Only a scheduled handover can be cancelled; this one is {status}',
    nl: 'Alleen een geplande eigendomsoverdracht kan worden geannuleerd; deze heeft de status {status}',
  },
  dossier_not_ready: {
    kind: 'conflict',
    en: 'The dossier is made once the handover is completed',
    nl: 'Het dossier wordt gemaakt zodra de overdracht is afgerond',
  },
});
