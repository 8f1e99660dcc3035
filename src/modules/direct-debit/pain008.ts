import { XMLBuilder } from 'fast-xml-parser';
import { decimalOfCents } from '../../common/money.js';
import { toSepaText } from '../../common/sepa/sepa-text.js';

export const PAIN_VERSIONS = ['08', '02'] as const;
/** pain.008.001.08 is current; `02` for banks that still want the 2009 version. */
export type PainVersion = (typeof PAIN_VERSIONS)[number];
export type SequenceType = 'FRST' | 'RCUR';

/** What a mandate had before the amendments the bank has not been told about yet. */
export interface MandateAmendment {
  originalMandateReference: string | null;
  originalCreditorIdentifier: string | null;
  originalIban: string | null;
}

export interface DirectDebit {
  endToEndId: string;
  amountCents: number;
  sequenceType: SequenceType;
  mandateReference: string;
  mandateSignedOn: string;
  amendment: MandateAmendment | null;
  debtorName: string;
  debtorIban: string;
  debtorBic: string | null;
  /** The betalingskenmerk, sent as a structured creditor reference. */
  creditorReference: string;
}

export interface DirectDebitBatch {
  messageId: string;
  createdAt: Date;
  collectionDate: string;
  creditor: { name: string; iban: string; bic: string | null; identifier: string };
  debits: DirectDebit[];
}

const NAMESPACE = (version: PainVersion) => `urn:iso:std:iso:20022:tech:xsd:pain.008.001.${version}`;

function agent(version: PainVersion, bic: string | null) {
  // Inside SEPA the debtor's bank is found from the IBAN; the rulebook's "NOTPROVIDED" says so.
  const institution = bic ? { [version === '08' ? 'BICFI' : 'BIC']: bic } : { Othr: { Id: 'NOTPROVIDED' } };
  return { FinInstnId: institution };
}

function schemeIdentification(identifier: string) {
  return { PrvtId: { Othr: { Id: identifier, SchmeNm: { Prtry: 'SEPA' } } } };
}

function amendmentDetails(amendment: MandateAmendment) {
  return {
    ...(amendment.originalMandateReference && { OrgnlMndtId: amendment.originalMandateReference }),
    ...(amendment.originalCreditorIdentifier && { OrgnlCdtrSchmeId: { Id: schemeIdentification(amendment.originalCreditorIdentifier) } }),
    ...(amendment.originalIban && { OrgnlDbtrAcct: { Id: { IBAN: amendment.originalIban } } }),
  };
}

function transaction(version: PainVersion, debit: DirectDebit) {
  return {
    PmtId: { EndToEndId: debit.endToEndId },
    InstdAmt: { '@_Ccy': 'EUR', '#text': decimalOfCents(debit.amountCents) },
    DrctDbtTx: {
      MndtRltdInf: {
        MndtId: debit.mandateReference,
        DtOfSgntr: debit.mandateSignedOn,
        AmdmntInd: debit.amendment !== null,
        ...(debit.amendment && { AmdmntInfDtls: amendmentDetails(debit.amendment) }),
      },
    },
    DbtrAgt: agent(version, debit.debtorBic),
    Dbtr: { Nm: toSepaText(debit.debtorName, 70) },
    DbtrAcct: { Id: { IBAN: debit.debtorIban } },
    RmtInf: {
      Strd: { CdtrRefInf: { Tp: { CdOrPrtry: { Cd: 'SCOR' }, Issr: 'CUR' }, Ref: debit.creditorReference } },
    },
  };
}

function paymentInformation(version: PainVersion, batch: DirectDebitBatch, sequenceType: SequenceType, debits: DirectDebit[]) {
  return {
    PmtInfId: `${batch.messageId}-${sequenceType}`,
    PmtMtd: 'DD',
    NbOfTxs: debits.length,
    CtrlSum: decimalOfCents(debits.reduce((sum, debit) => sum + debit.amountCents, 0)),
    PmtTpInf: { SvcLvl: { Cd: 'SEPA' }, LclInstrm: { Cd: 'CORE' }, SeqTp: sequenceType },
    ReqdColltnDt: batch.collectionDate,
    Cdtr: { Nm: toSepaText(batch.creditor.name, 70) },
    CdtrAcct: { Id: { IBAN: batch.creditor.iban } },
    CdtrAgt: agent(version, batch.creditor.bic),
    ChrgBr: 'SLEV',
    CdtrSchmeId: { Id: schemeIdentification(batch.creditor.identifier) },
    DrctDbtTxInf: debits.map((debit) => transaction(version, debit)),
  };
}

/**
 * A SEPA Core direct-debit initiation (pain.008.001.08 or .02) for the bank, written from integer
 * cents: every amount and sum is an exact decimal string. One payment information block per
 * sequence type, since a bank collects FRST and RCUR separately.
 */
export function writePain008(batch: DirectDebitBatch, version: PainVersion): string {
  const bySequence = (['FRST', 'RCUR'] as const)
    .map((sequenceType) => ({ sequenceType, debits: batch.debits.filter((debit) => debit.sequenceType === sequenceType) }))
    .filter(({ debits }) => debits.length > 0);
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    Document: {
      '@_xmlns': NAMESPACE(version),
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      CstmrDrctDbtInitn: {
        GrpHdr: {
          MsgId: batch.messageId,
          CreDtTm: batch.createdAt.toISOString().slice(0, 19),
          NbOfTxs: batch.debits.length,
          CtrlSum: decimalOfCents(batch.debits.reduce((sum, debit) => sum + debit.amountCents, 0)),
          InitgPty: { Nm: toSepaText(batch.creditor.name, 70) },
        },
        PmtInf: bySequence.map(({ sequenceType, debits }) => paymentInformation(version, batch, sequenceType, debits)),
      },
    },
  };
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true });
  return builder.build(document) as string;
}
