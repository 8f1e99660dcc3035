import type { MessageLanguage } from './message.entity.js';

export type MessageParams = Record<string, string | number | boolean | null>;

/** What a mail says in one language: its subject, its paragraphs and at most one button-like link. */
export interface Wording {
  subject: string;
  paragraphs: string[];
  /** `url` is the name of a parameter holding the link (made when the mail is sent, for a reset link). */
  link?: { label: string; url: string };
}

/**
 * One kind of mail, in Dutch and in English. `legal` mail (invoices, notices) cannot be unsubscribed
 * from and says so in its footer. Plain text and HTML are both made from the wording, the HTML escaped.
 */
export interface MessageTemplate {
  legal: boolean;
  nl(params: MessageParams): Wording;
  en(params: MessageParams): Wording;
}

const text = (value: string | number | boolean | null | undefined): string => (value === null || value === undefined ? '' : String(value));

/** `2012-03-14` → `14-03-2012` (nl) or `14 March 2012` (en). */
function day(value: unknown, language: MessageLanguage): string {
  const iso = text(value as string);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));
}

function area(value: unknown, language: MessageLanguage): string {
  return `${new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 }).format(Number(value))} m²`;
}

function euros(cents: unknown, language: MessageLanguage): string {
  return new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(Number(cents) / 100);
}

const REMINDER_NAMES: Record<MessageLanguage, Record<number, string>> = {
  nl: { 1: 'Betalingsherinnering', 2: 'Tweede herinnering', 3: 'Laatste aanmaning' },
  en: { 1: 'Payment reminder', 2: 'Second reminder', 3: 'Final notice' },
};

function floorName(params: MessageParams, language: MessageLanguage): string {
  if (params.floorName) return text(params.floorName);
  return language === 'nl' ? `verdieping ${text(params.floorLevel)}` : `floor ${text(params.floorLevel)}`;
}

/** Every kind of mail the product sends. Adding one is an entry here and one in MESSAGE_KINDS. */
export const TEMPLATES = {
  invoice: {
    legal: true,
    nl: (p) => ({
      subject: `Factuur ${text(p.number)}`,
      paragraphs: [
        `Beste ${text(p.name)},`,
        `Bijgaand vindt u factuur ${text(p.number)}. Betaal deze graag vóór de vervaldatum met het betalingskenmerk op de factuur.`,
      ],
    }),
    en: (p) => ({
      subject: `Invoice ${text(p.number)}`,
      paragraphs: [
        `Dear ${text(p.name)},`,
        `Please find invoice ${text(p.number)} attached. Please pay it by its due date, quoting the payment reference on the invoice.`,
      ],
    }),
  },
  'credit-note': {
    legal: true,
    nl: (p) => ({
      subject: `Creditnota ${text(p.number)}`,
      paragraphs: [`Beste ${text(p.name)},`, `Bijgaand vindt u creditnota ${text(p.number)}, die een eerdere factuur (deels) vervalt.`],
    }),
    en: (p) => ({
      subject: `Credit note ${text(p.number)}`,
      paragraphs: [`Dear ${text(p.name)},`, `Please find credit note ${text(p.number)} attached; it cancels (part of) an earlier invoice.`],
    }),
  },
  'offer-made': {
    legal: false,
    nl: (p) => ({
      subject: `Aanbod: ${floorName(p, 'nl')} in ${text(p.buildingName)}`,
      paragraphs: [
        `Beste ${text(p.name)},`,
        `Uw groep ${text(p.groupName)} krijgt ${floorName(p, 'nl')} van ${text(p.buildingName)} aangeboden (${area(p.areaM2, 'nl')}).`,
        `Laat ons uiterlijk ${day(p.replyBy, 'nl')} weten of u het aanbod aanneemt; daarna vervalt het.`,
      ],
      link: { label: 'Aanbod bekijken', url: 'url' },
    }),
    en: (p) => ({
      subject: `Offer: ${floorName(p, 'en')} in ${text(p.buildingName)}`,
      paragraphs: [
        `Dear ${text(p.name)},`,
        `Your group ${text(p.groupName)} is offered ${floorName(p, 'en')} of ${text(p.buildingName)} (${area(p.areaM2, 'en')}).`,
        `Please answer by ${day(p.replyBy, 'en')}; after that the offer expires.`,
      ],
      link: { label: 'See the offer', url: 'url' },
    }),
  },
  'offer-reminder': {
    legal: false,
    nl: (p) => ({
      subject: `Herinnering: het aanbod van ${floorName(p, 'nl')} vervalt op ${day(p.replyBy, 'nl')}`,
      paragraphs: [
        `Beste ${text(p.name)},`,
        `Het aanbod van ${floorName(p, 'nl')} van ${text(p.buildingName)} (${area(p.areaM2, 'nl')}) aan ${text(p.groupName)} vervalt over drie dagen, op ${day(p.replyBy, 'nl')}.`,
      ],
      link: { label: 'Aanbod bekijken', url: 'url' },
    }),
    en: (p) => ({
      subject: `Reminder: the offer of ${floorName(p, 'en')} expires on ${day(p.replyBy, 'en')}`,
      paragraphs: [
        `Dear ${text(p.name)},`,
        `The offer of ${floorName(p, 'en')} of ${text(p.buildingName)} (${area(p.areaM2, 'en')}) to ${text(p.groupName)} expires in three days, on ${day(p.replyBy, 'en')}.`,
      ],
      link: { label: 'See the offer', url: 'url' },
    }),
  },
  'direct-debit-prenotification': {
    legal: true,
    nl: (p) => ({
      subject: `Aankondiging incasso factuur ${text(p.number)}`,
      paragraphs: [
        `Beste ${text(p.name)},`,
        `Op of rond ${day(p.collectionDate, 'nl')} schrijven wij ${euros(p.amountCents, 'nl')} voor factuur ${text(p.number)} af van uw rekening eindigend op ${text(p.ibanEnd)}.`,
        `Machtigingskenmerk ${text(p.mandateReference)}, incassant-ID ${text(p.creditorIdentifier)} (${text(p.creditorName)}). Zorg dat er genoeg saldo is; wilt u een afschrijving terugboeken, dan kan dat tot acht weken erna bij uw bank.`,
      ],
    }),
    en: (p) => ({
      subject: `Direct debit notice for invoice ${text(p.number)}`,
      paragraphs: [
        `Dear ${text(p.name)},`,
        `On or around ${day(p.collectionDate, 'en')} we will collect ${euros(p.amountCents, 'en')} for invoice ${text(p.number)} from your account ending in ${text(p.ibanEnd)}.`,
        `Mandate reference ${text(p.mandateReference)}, creditor identifier ${text(p.creditorIdentifier)} (${text(p.creditorName)}). Please make sure the balance suffices; your bank refunds a debit you ask back within eight weeks.`,
      ],
    }),
  },
  'payment-reminder': {
    legal: true,
    nl: (p) => ({
      subject: `${REMINDER_NAMES.nl[Number(p.step)] ?? REMINDER_NAMES.nl[1]}: factuur ${text(p.number)}`,
      paragraphs: [
        `Beste ${text(p.name)},`,
        `Van factuur ${text(p.number)} staat nog ${euros(p.openCents, 'nl')} open. In de bijgevoegde brief staat hoe u betaalt; heeft u al betaald, dan kunt u deze brief vergeten.`,
      ],
    }),
    en: (p) => ({
      subject: `${REMINDER_NAMES.en[Number(p.step)] ?? REMINDER_NAMES.en[1]}: invoice ${text(p.number)}`,
      paragraphs: [
        `Dear ${text(p.name)},`,
        `${euros(p.openCents, 'en')} of invoice ${text(p.number)} is still open. The attached letter says how to pay; if you have paid already, please disregard it.`,
      ],
    }),
  },
  'handover-dossier': {
    legal: true,
    nl: (p) => ({
      subject: `Overdrachtsdossier ${text(p.buildingName)} per ${day(p.transferDate, 'nl')}`,
      paragraphs: [
        `Beste ${text(p.name)},`,
        `Het eigendom van ${text(p.buildingName)} is per ${day(p.transferDate, 'nl')} overgegaan. Bijgaand vindt u het overdrachtsdossier voor de eigenaren.`,
      ],
    }),
    en: (p) => ({
      subject: `Handover dossier ${text(p.buildingName)} as of ${day(p.transferDate, 'en')}`,
      paragraphs: [
        `Dear ${text(p.name)},`,
        `The ownership of ${text(p.buildingName)} passed on ${day(p.transferDate, 'en')}. Please find the owners' handover dossier attached.`,
      ],
    }),
  },
  'notice-to-vacate': {
    legal: true,
    nl: (p) => ({
      subject: `Ontruimingsaanzegging ${text(p.spaceCode)}`,
      paragraphs: [
        `Beste ${text(p.name)},`,
        `Bijgaand vindt u de ontruimingsaanzegging voor ruimte ${text(p.spaceCode)}: uw huur eindigt op ${day(p.endDate, 'nl')}. De brief noemt de ruimtes die wij u in plaats daarvan kunnen aanbieden.`,
      ],
    }),
    en: (p) => ({
      subject: `Notice to vacate ${text(p.spaceCode)}`,
      paragraphs: [
        `Dear ${text(p.name)},`,
        `Please find the notice to vacate space ${text(p.spaceCode)} attached: your lease ends on ${day(p.endDate, 'en')}. The letter names the spaces we can offer you instead.`,
      ],
    }),
  },
  'vacancy-report-due': {
    legal: true,
    nl: (p) => ({
      subject: `Leegstandsmelding verplicht: ${text(p.propertyName)}`,
      paragraphs: [
        `Beste ${text(p.name)},`,
        `${text(p.address)} staat sinds ${day(p.vacantSince, 'nl')} leeg. Volgens de leegstandverordening moest u dit uiterlijk ${day(p.reportDueOn, 'nl')} melden bij de gemeente.`,
        p.fineCents === null || p.fineCents === undefined
          ? 'Doe de melding zo snel mogelijk via uw overzicht van panden.'
          : `Wie niet meldt, riskeert een boete van ${euros(p.fineCents, 'nl')}. Doe de melding zo snel mogelijk via uw overzicht van panden.`,
      ],
      link: { label: 'Naar mijn panden', url: 'url' },
    }),
    en: (p) => ({
      subject: `Vacancy report required: ${text(p.propertyName)}`,
      paragraphs: [
        `Dear ${text(p.name)},`,
        `${text(p.address)} has been empty since ${day(p.vacantSince, 'en')}. Under the vacancy bylaw you had to report this to the municipality by ${day(p.reportDueOn, 'en')}.`,
        p.fineCents === null || p.fineCents === undefined
          ? 'Please file the report as soon as you can from your list of properties.'
          : `Not reporting risks a fine of ${euros(p.fineCents, 'en')}. Please file the report as soon as you can from your list of properties.`,
      ],
      link: { label: 'Go to my properties', url: 'url' },
    }),
  },
  'report-ready': {
    legal: false,
    nl: (p) => ({
      subject: `Uw rapport is klaar (${text(p.period)})`,
      paragraphs: [
        `Beste ${text(p.name)},`,
        `Het rapport dat u aanvroeg (${text(p.period)}, ${text(p.format)}) is klaar om te downloaden.`,
      ],
      link: { label: 'Naar de rapporten', url: 'url' },
    }),
    en: (p) => ({
      subject: `Your report is ready (${text(p.period)})`,
      paragraphs: [`Dear ${text(p.name)},`, `The report you asked for (${text(p.period)}, ${text(p.format)}) is ready to download.`],
      link: { label: 'Go to the reports', url: 'url' },
    }),
  },
  'password-reset': {
    legal: false,
    nl: (p) => ({
      subject: 'Een nieuw wachtwoord instellen',
      paragraphs: [
        `Beste ${text(p.name)},`,
        'Iemand (hopelijk u) vroeg een nieuw wachtwoord aan voor dit adres. De link werkt één keer en één uur lang.',
        'Vroeg u niets aan? Dan kunt u deze mail negeren: uw wachtwoord blijft zoals het is.',
      ],
      link: { label: 'Nieuw wachtwoord instellen', url: 'url' },
    }),
    en: (p) => ({
      subject: 'Set a new password',
      paragraphs: [
        `Dear ${text(p.name)},`,
        'Someone (hopefully you) asked for a new password for this address. The link works once, for one hour.',
        'Did you not ask? Then ignore this mail: your password stays as it is.',
      ],
      link: { label: 'Set a new password', url: 'url' },
    }),
  },
  welcome: {
    legal: false,
    nl: (p) => ({
      subject: `Welkom in ${text(p.buildingName)}`,
      paragraphs: [
        `Beste ${text(p.name)},`,
        `Uw groep kreeg ${floorName(p, 'nl')} van ${text(p.buildingName)}: welkom als huurder. Met uw account ziet u uw huurcontract en facturen.`,
        'Stel met de link hieronder uw wachtwoord in; hij werkt één keer en zeven dagen lang.',
      ],
      link: { label: 'Wachtwoord instellen', url: 'url' },
    }),
    en: (p) => ({
      subject: `Welcome to ${text(p.buildingName)}`,
      paragraphs: [
        `Dear ${text(p.name)},`,
        `Your group was given ${floorName(p, 'en')} of ${text(p.buildingName)}: welcome as a tenant. Your account shows your lease and invoices.`,
        'Set your password with the link below; it works once, for seven days.',
      ],
      link: { label: 'Set your password', url: 'url' },
    }),
  },
} satisfies Record<string, MessageTemplate>;

export type TemplateName = keyof typeof TEMPLATES;

/** Every kind of mail, for a filter. */
export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[];

const FOOTER = {
  nl: {
    legal:
      'Dit is een bericht over uw huur of uw facturen; afmelden hiervoor is niet mogelijk. Wij sturen het naar het adres en in de taal van uw gegevens; wijzig die in uw account of laat het ons weten.',
    other: 'U krijgt dit bericht omdat u een account heeft bij deze broedplaats.',
  },
  en: {
    legal:
      'This message is about your lease or your invoices; you cannot unsubscribe from it. We send it to the address and in the language of your details; change them in your account or tell us.',
    other: 'You receive this message because you have an account with this broedplaats.',
  },
} as const;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export function subjectOf(template: TemplateName, language: MessageLanguage, params: MessageParams): string {
  return (TEMPLATES[template] as MessageTemplate)[language](params).subject;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

/** The mail as plain text and as HTML from the same wording; every value in the HTML is escaped. */
export function renderMail(template: TemplateName, language: MessageLanguage, params: MessageParams): RenderedMail {
  const definition = TEMPLATES[template] as MessageTemplate;
  const wording = definition[language](params);
  const footer = FOOTER[language][definition.legal ? 'legal' : 'other'];
  const url = wording.link ? text(params[wording.link.url]) : '';
  const textParts = [...wording.paragraphs, ...(wording.link && url ? [`${wording.link.label}: ${url}`] : []), '--', footer];
  const htmlParts = [
    ...wording.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    ...(wording.link && url ? [`<p><a href="${escapeHtml(url)}">${escapeHtml(wording.link.label)}</a></p>`] : []),
    `<hr><p style="color:#555;font-size:small">${escapeHtml(footer)}</p>`,
  ];
  return {
    subject: wording.subject,
    text: `${textParts.join('\n\n')}\n`,
    html: `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(wording.subject)}</title></head><body>${htmlParts.join('')}</body></html>`,
  };
}
