import { declareErrorCodes } from '../../common/errors/error-codes.js';

export const TENDERS_ERRORS = declareErrorCodes('tenders', {
  tender_not_found: { kind: 'not_found', en: 'No tender {id}', nl: 'Geen uitvraag {id}' },
  proposal_not_found: { kind: 'not_found', en: 'No proposal {id}', nl: 'Geen voorstel {id}' },
  weights_not_100: {
    kind: 'rule',
    en: 'The weights of the criteria sum to {sum}, not 100',
    nl: 'De gewichten van de criteria tellen op tot {sum}, niet 100',
  },
  closing_in_past: {
    kind: 'rule',
    en: 'A tender closes today or later',
    nl: 'Een uitvraag sluit vandaag of later',
  },
  unknown_reviewer: {
    kind: 'rule',
    en: 'A reviewer is a user of the city, of an owner or an installation admin',
    nl: 'Een beoordelaar is een gebruiker van de gemeente, van een eigenaar of een beheerder van de installatie',
  },
  not_tender_runner: {
    kind: 'rule',
    en: 'A tender is run by the city for a property in its city, or by the property’s owner',
    nl: 'Een uitvraag wordt gedaan door de gemeente voor een pand in haar stad, of door de eigenaar van het pand',
  },
  tender_closed: { kind: 'conflict', en: 'The tender closed on {closesOn}', nl: 'De uitvraag is op {closesOn} gesloten' },
  tender_still_open: {
    kind: 'conflict',
    en: 'The tender is open until {closesOn}; proposals stay sealed until then',
    nl: 'De uitvraag staat open tot en met {closesOn}; de voorstellen blijven tot dan verzegeld',
  },
  proposal_exists: {
    kind: 'conflict',
    en: 'Your umbrella has submitted a proposal to this tender already',
    nl: 'Uw koepel heeft al een voorstel voor deze uitvraag ingediend',
  },
  umbrella_required_for_proposal: {
    kind: 'rule',
    en: 'Name the umbrella the proposal is from',
    nl: 'Geef aan van welke koepel het voorstel is',
  },
  not_a_reviewer: { kind: 'forbidden', en: 'You are not a reviewer of this tender', nl: 'U bent geen beoordelaar van deze uitvraag' },
  scores_incomplete: {
    kind: 'rule',
    en: 'Score every criterion of the tender once, from 1 to 10',
    nl: 'Geef elk criterium van de uitvraag één keer een cijfer van 1 tot 10',
  },
  reviews_missing: {
    kind: 'rule',
    en: '{count} proposals have not been reviewed yet',
    nl: '{count} voorstellen zijn nog niet beoordeeld',
  },
  motivation_missing: {
    kind: 'rule',
    en: 'Every rejected proposal needs a motivation',
    nl: 'Elk afgewezen voorstel heeft een motivering nodig',
  },
  no_proposals: { kind: 'rule', en: 'The tender has no proposals', nl: 'De uitvraag heeft geen voorstellen' },
  tender_awarded: { kind: 'conflict', en: 'The tender has been awarded already', nl: 'De uitvraag is al gegund' },
  use_end_past_latest: {
    kind: 'rule',
    en: 'The use would end on {useEnd}, past the latest allowed {latest} ({because})',
    nl: 'Het gebruik zou eindigen op {useEnd}, na de uiterste datum {latest} ({because})',
  },
  use_start_before_closing: {
    kind: 'rule',
    en: 'The use starts after the tender closed',
    nl: 'Het gebruik begint na de sluiting van de uitvraag',
  },
});
