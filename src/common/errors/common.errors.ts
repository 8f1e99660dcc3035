import { declareErrorCodes } from './error-codes.js';

/** Codes of the HTTP edge itself: input, sign-in, routes and what the framework refuses before a service runs. */
export const COMMON_ERRORS = declareErrorCodes('common', {
  validation_failed: { kind: 'validation', en: 'The request has invalid fields', nl: 'Het verzoek bevat ongeldige velden' },
  body_too_deep: {
    kind: 'validation',
    en: 'The request body is nested deeper than {depth} levels',
    nl: 'De inhoud van het verzoek is dieper genest dan {depth} niveaus',
  },
  unauthorized: { kind: 'unauthorized', en: 'Sign in first', nl: 'Log eerst in' },
  token_missing: {
    kind: 'unauthorized',
    en: 'Send Authorization: Bearer <accessToken>',
    nl: 'Stuur Authorization: Bearer <accessToken> mee',
  },
  token_invalid: { kind: 'unauthorized', en: 'The access token is invalid or expired', nl: 'Het toegangstoken is ongeldig of verlopen' },
  forbidden: { kind: 'forbidden', en: 'Your role may not do this', nl: 'Met jouw rol mag je dit niet doen' },
  not_found: { kind: 'not_found', en: 'There is nothing at this address', nl: 'Op dit adres is niets te vinden' },
  conflict: {
    kind: 'conflict',
    en: 'The request conflicts with the current state',
    nl: 'Het verzoek botst met de huidige stand van zaken',
  },
  rule_violated: { kind: 'rule', en: 'A rule does not allow this request', nl: 'Een regel staat dit verzoek niet toe' },
  too_many_requests: { kind: 'rate_limited', en: 'Too many requests; try again later', nl: 'Te veel verzoeken; probeer het later opnieuw' },
  bad_request: { kind: 'framework', en: 'The request cannot be understood', nl: 'Het verzoek is niet te begrijpen' },
  malformed_json: { kind: 'framework', en: 'The request body is not valid JSON', nl: 'De inhoud van het verzoek is geen geldige JSON' },
  method_not_allowed: { kind: 'framework', en: 'This method is not allowed here', nl: 'Deze methode is hier niet toegestaan' },
  payload_too_large: { kind: 'framework', en: 'The request body is too large', nl: 'De inhoud van het verzoek is te groot' },
  uri_too_long: { kind: 'framework', en: 'The address is too long', nl: 'Het adres is te lang' },
  unsupported_media_type: {
    kind: 'framework',
    en: 'This content type is not supported',
    nl: 'Dit type inhoud wordt niet ondersteund',
  },
  client_error: { kind: 'framework', en: 'The request cannot be handled', nl: 'Het verzoek kan niet worden verwerkt' },
  internal_error: { kind: 'framework', en: 'Something went wrong on our side', nl: 'Er is bij ons iets misgegaan' },
});
