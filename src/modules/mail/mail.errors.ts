import { declareErrorCodes } from '../../common/errors/error-codes.js';

export const MAIL_ERRORS = declareErrorCodes('mail', {
  message_not_found: { kind: 'not_found', en: 'No message {id}', nl: 'Geen bericht {id}' },
  password_reset_link_invalid: {
    kind: 'rule',
    en: 'This link is not valid (any more): it was used, it expired or it was replaced by a newer one; ask for a new link',
    nl: 'Deze link is niet (meer) geldig: hij is gebruikt, verlopen of vervangen door een nieuwere; vraag een nieuwe link aan',
  },
});
