import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JOB_STATUSES } from '../../jobs/job-status.js';
import { APPLICATION_STATUSES, OFFER_STATUSES } from '../../modules/applications/application.entity.js';
import { PAYMENT_KINDS } from '../../modules/invoices/invoice.entity.js';
import { REPORT_KINDS } from '../../modules/reports/report.entity.js';
import { HANDOVER_STATUSES } from '../../modules/handovers/handover.entity.js';
import { SPACE_USES } from '../../modules/spaces/space.entity.js';
import { INVOICE_LIST_STATUSES } from '../../modules/invoices/dto/invoice.dto.js';
import { VAT_REGIMES } from '../../modules/leases/lease-rules.js';
import { BANK_ENTRY_OUTCOMES } from '../../modules/bank-statements/bank-statement.entity.js';
import { COLLECTION_ITEM_STATUSES } from '../../modules/direct-debit/collection.entity.js';
import { MANDATE_METHODS, MANDATE_STATUSES } from '../../modules/direct-debit/mandate.entity.js';
import { ARRANGEMENT_STATUSES } from '../../modules/dunning/payment-arrangement.entity.js';
import { TEMPLATE_NAMES } from '../../modules/mail/mail-templates.js';
import { MESSAGE_STATUSES } from '../../modules/mail/message.entity.js';
import { PROPOSAL_STATUSES } from '../../modules/tenders/tender.entity.js';
import type { TenderState } from '../../modules/tenders/tenders.service.js';
import { EVENT_KINDS, TIME_ENTRY_STATUSES, TIME_KINDS } from '../../modules/time-account/time-rules.js';
import { PROPERTY_STATUSES } from '../../modules/properties/dto/property.dto.js';
import { DECISION_KINDS } from '../../modules/properties/vacancy-file.entity.js';
import { USE_CATEGORIES } from '../../modules/properties/property.entity.js';
import { VACANCY_REASONS, VACANCY_STATUSES } from '../../modules/properties/vacancy-period.entity.js';
import { LEASE_STATUSES } from '../../modules/leases/lease-rules.js';
import { TEMPLATES_DIR } from '../web-setup.js';
import { EN } from './en.js';
import { type MessageKey, translate } from './i18n.js';
import { NL } from './nl.js';

const SRC_WEB = join(TEMPLATES_DIR, '..');

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(directory, entry.name)) : [join(directory, entry.name)],
  );
}

/** Every key a template or page names with t('…') (or as a message key literal such as 'signIn.expired'). */
function keysUsed(): Set<string> {
  const used = new Set<string>();
  for (const file of filesUnder(SRC_WEB).filter(
    (name) => /\.(eta|ts)$/.test(name) && !name.endsWith('.spec.ts') && !name.includes('/i18n/'),
  )) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z]+(?:\.[a-zA-Z]+)+)'/g)) used.add(match[1]!);
    for (const match of text.matchAll(
      /'((?:nav|signIn|dashboard|building|lease|invoicing|tenants|rounds|reports|handovers|edit|error|form|language|maker|owner|city|passwordReset|collecting|mandates|collections|statements|arrears|messages)(?:\.[a-zA-Z]+)+)'/g,
    ))
      used.add(match[1]!);
  }
  return used;
}

describe('the pages’ message catalogues', () => {
  it('have the same keys in Dutch and English, none empty, with the same placeholders', () => {
    expect(Object.keys(EN).sort()).toEqual(Object.keys(NL).sort());
    for (const [key, dutch] of Object.entries(NL)) {
      const english = EN[key as keyof typeof NL];
      expect([key, dutch.trim().length > 0, english.trim().length > 0]).toEqual([key, true, true]);
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      expect([key, placeholders(english)]).toEqual([key, placeholders(dutch)]);
    }
  });

  it('name every status a page shows', () => {
    for (const status of [...JOB_STATUSES]) expect(`jobStatus.${status}` in NL).toBe(true);
    for (const status of [...INVOICE_LIST_STATUSES]) expect(`invoiceStatus.${status}` in NL).toBe(true);
    for (const regime of [...VAT_REGIMES]) expect(`vatRegime.${regime}` in NL).toBe(true);
    for (const status of [...APPLICATION_STATUSES]) expect(`applicationStatus.${status}` in NL).toBe(true);
    for (const status of [...OFFER_STATUSES]) expect(`offerStatus.${status}` in NL).toBe(true);
    for (const done of ['scored', 'allocated', 'waitlisted', 'rejected']) expect(`rounds.done.${done}` in NL).toBe(true);
    for (const done of ['paid', 'credited', 'reversed']) expect(`invoicing.done.${done}` in NL).toBe(true);
    for (const kind of [...PAYMENT_KINDS]) expect(`paymentKind.${kind}` in NL).toBe(true);
    for (const kind of [...REPORT_KINDS]) expect(`reportKind.${kind}` in NL).toBe(true);
    for (const status of [...HANDOVER_STATUSES]) expect(`handoverStatus.${status}` in NL).toBe(true);
    for (const use of [...SPACE_USES]) expect(`spaceUse.${use}` in NL).toBe(true);
    for (const status of [...MANDATE_STATUSES]) expect(`mandateStatus.${status}` in NL).toBe(true);
    for (const method of [...MANDATE_METHODS]) expect(`mandateMethod.${method}` in NL).toBe(true);
    for (const status of [...COLLECTION_ITEM_STATUSES]) expect(`debitStatus.${status}` in NL).toBe(true);
    for (const outcome of [...BANK_ENTRY_OUTCOMES]) expect(`bankOutcome.${outcome}` in NL).toBe(true);
    for (const kind of ['collection', 'return', 'transfer', 'other']) expect(`bankEntryKind.${kind}` in NL).toBe(true);
    for (const status of [...ARRANGEMENT_STATUSES]) expect(`arrangementStatus.${status}` in NL).toBe(true);
    for (const status of [...MESSAGE_STATUSES]) expect(`messageStatus.${status}` in NL).toBe(true);
    for (const kind of [...TEMPLATE_NAMES]) expect(`messageKind.${kind}` in NL).toBe(true);
    for (const step of [1, 2, 3]) expect(`dunningStep.${step}` in NL).toBe(true);
    for (const done of ['created', 'amended', 'revoked']) expect(`mandates.done.${done}` in NL).toBe(true);
    for (const done of ['imported', 'again', 'matched']) expect(`statements.done.${done}` in NL).toBe(true);
    for (const done of ['arranged', 'cancelled']) expect(`tenants.done.${done}` in NL).toBe(true);
    // The newer pages: the maker's lease and hours, the double balance, tenders and the vacancy file.
    for (const status of [...LEASE_STATUSES]) expect(`maker.leaseStatus.${status}` in NL).toBe(true);
    for (const kind of [...TIME_KINDS]) expect(`time.kind.${kind}` in NL).toBe(true);
    for (const status of [...TIME_ENTRY_STATUSES]) expect(`time.status.${status}` in NL).toBe(true);
    for (const kind of [...EVENT_KINDS]) expect(`time.eventKind.${kind}` in NL).toBe(true);
    for (const status of [...PROPOSAL_STATUSES]) expect(`tenders.status.${status}` in NL).toBe(true);
    for (const state of ['open', 'closed', 'awarded'] satisfies TenderState[]) expect(`tenders.state.${state}` in NL).toBe(true);
    for (const status of [...PROPERTY_STATUSES, ...VACANCY_STATUSES]) expect(`vacancyStatus.${status}` in NL).toBe(true);
    for (const reason of [...VACANCY_REASONS]) expect(`vacancyReason.${reason}` in NL).toBe(true);
    for (const kind of [...DECISION_KINDS]) expect(`decisionKind.${kind}` in NL).toBe(true);
    for (const category of [...USE_CATEGORIES]) expect(`useCategory.${category}` in NL).toBe(true);
  });

  it('show an unknown key (one built from a request) as itself rather than failing the page', () => {
    expect(translate('nl', 'invoicing.done.nonsense' as MessageKey)).toBe('invoicing.done.nonsense');
    expect(translate('en', 'building.floor', { level: 3 })).toBe('Floor 3');
  });

  it('hold every key the templates and pages use', () => {
    const missing = [...keysUsed()].filter((key) => !(key in NL));
    expect(missing).toEqual([]);
  });
});
