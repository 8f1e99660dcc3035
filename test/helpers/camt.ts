import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { XMLBuilder } from 'fast-xml-parser';
import { XmlDocument, XmlValidateError, XsdValidator } from 'libxml2-wasm';

/**
 * Writes camt.053 bank statements (`.001.02` or `.001.08`) the way a Dutch bank sends them, from a
 * list of entries, so tests can book what the bank would report about real invoices. Element order
 * follows the schemas; `camtSchemaErrors` checks a file against them.
 */

export type CamtVersion = '02' | '08';

export interface CamtDetail {
  amountCents?: number;
  /** Refs/AcctSvcrRef of the detail. */
  reference?: string;
  endToEndId?: string;
  mandateId?: string;
  structuredReference?: string;
  unstructured?: string[];
  returnReason?: string;
  counterpartyName?: string;
  counterpartyIban?: string;
}

export interface CamtEntry {
  amountCents: number;
  direction: 'credit' | 'debit';
  bookingDate: string;
  valueDate?: string;
  /** Write the dates as a date-time (some banks do) instead of a date. */
  dateTimes?: boolean;
  reversal?: boolean;
  status?: 'BOOK' | 'PDNG' | 'INFO';
  /** AcctSvcrRef of the entry. */
  reference?: string;
  /** PMNT/IDDT/ESDD as ['PMNT', 'IDDT', 'ESDD']. */
  code: [string, string, string];
  details?: CamtDetail[];
  additionalInformation?: string;
}

export interface CamtStatementInput {
  id: string;
  sequence?: number;
  account?: string;
  createdAt?: string;
  entries: CamtEntry[];
}

export const CREDITOR_IBAN = 'NL91ABNA0417164300';
const NAMESPACES: Record<CamtVersion, string> = {
  '02': 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02',
  '08': 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.08',
};

/** Integer cents as the exact decimal string a bank writes: 10 → "0.10". */
export function camtAmount(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`${cents} is not a count of cents`);
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

const amount = (cents: number) => ({ '@_Ccy': 'EUR', '#text': camtAmount(cents) });

function date(day: string, dateTime: boolean | undefined) {
  return dateTime ? { DtTm: `${day}T09:30:00+01:00` } : { Dt: day };
}

function code([domain, family, subFamily]: [string, string, string]) {
  return { Domn: { Cd: domain, Fmly: { Cd: family, SubFmlyCd: subFamily } } };
}

function party(version: CamtVersion, name: string) {
  return version === '08' ? { Pty: { Nm: name } } : { Nm: name };
}

function detailOf(version: CamtVersion, entry: CamtEntry, detail: CamtDetail) {
  const cents = detail.amountCents ?? entry.amountCents;
  const refs =
    detail.reference || detail.endToEndId || detail.mandateId
      ? {
          ...(detail.reference ? { AcctSvcrRef: detail.reference } : {}),
          ...(detail.endToEndId ? { EndToEndId: detail.endToEndId } : {}),
          ...(detail.mandateId ? { MndtId: detail.mandateId } : {}),
        }
      : undefined;
  // Who paid us for a credit, whom the bank paid back for a debit (a return goes back to the debtor).
  const counterpartyRole = entry.direction === 'credit' || entry.code[1] === 'IDDT' ? 'Dbtr' : 'Cdtr';
  const parties = detail.counterpartyName
    ? {
        [counterpartyRole]: party(version, detail.counterpartyName),
        ...(detail.counterpartyIban ? { [`${counterpartyRole}Acct`]: { Id: { IBAN: detail.counterpartyIban } } } : {}),
      }
    : undefined;
  const remittance =
    detail.unstructured || detail.structuredReference
      ? {
          ...(detail.unstructured ? { Ustrd: detail.unstructured } : {}),
          ...(detail.structuredReference
            ? { Strd: { CdtrRefInf: { Tp: { CdOrPrtry: { Cd: 'SCOR' }, Issr: 'CUR' }, Ref: detail.structuredReference } } }
            : {}),
        }
      : undefined;
  return {
    ...(refs ? { Refs: refs } : {}),
    ...(version === '08' ? { Amt: amount(cents), CdtDbtInd: entry.direction === 'credit' ? 'CRDT' : 'DBIT' } : {}),
    AmtDtls: { TxAmt: { Amt: amount(cents) } },
    BkTxCd: code(entry.code),
    ...(parties ? { RltdPties: parties } : {}),
    ...(remittance ? { RmtInf: remittance } : {}),
    ...(detail.returnReason ? { RtrInf: { Rsn: { Cd: detail.returnReason } } } : {}),
  };
}

function entryOf(version: CamtVersion, entry: CamtEntry) {
  const status = entry.status ?? 'BOOK';
  const details = entry.details ?? [];
  return {
    Amt: amount(entry.amountCents),
    CdtDbtInd: entry.direction === 'credit' ? 'CRDT' : 'DBIT',
    ...(entry.reversal ? { RvslInd: 'true' } : {}),
    Sts: version === '08' ? { Cd: status } : status,
    BookgDt: date(entry.bookingDate, entry.dateTimes),
    ValDt: date(entry.valueDate ?? entry.bookingDate, entry.dateTimes),
    ...(entry.reference ? { AcctSvcrRef: entry.reference } : {}),
    BkTxCd: code(entry.code),
    ...(details.length > 0
      ? {
          NtryDtls: {
            ...(details.length > 1 ? { Btch: { NbOfTxs: String(details.length) } } : {}),
            TxDtls: details.map((detail) => detailOf(version, entry, detail)),
          },
        }
      : {}),
    ...(entry.additionalInformation ? { AddtlNtryInf: entry.additionalInformation } : {}),
  };
}

function balance(type: 'OPBD' | 'CLBD', cents: number, day: string) {
  return {
    Tp: { CdOrPrtry: { Cd: type } },
    Amt: amount(Math.abs(cents)),
    CdtDbtInd: cents < 0 ? 'DBIT' : 'CRDT',
    Dt: { Dt: day },
  };
}

function statementOf(version: CamtVersion, statement: CamtStatementInput) {
  const createdAt = statement.createdAt ?? '2012-03-05T06:00:00+01:00';
  const day = createdAt.slice(0, 10);
  const closing = statement.entries.reduce(
    (sum, entry) => sum + (entry.direction === 'credit' ? entry.amountCents : -entry.amountCents),
    0,
  );
  return {
    Id: statement.id,
    ElctrncSeqNb: String(statement.sequence ?? 1),
    CreDtTm: createdAt,
    Acct: { Id: { IBAN: statement.account ?? CREDITOR_IBAN }, Ccy: 'EUR' },
    Bal: [balance('OPBD', 0, day), balance('CLBD', closing, day)],
    Ntry: statement.entries.map((entry) => entryOf(version, entry)),
  };
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', textNodeName: '#text', format: true });

export function camt053(version: CamtVersion, statements: CamtStatementInput | CamtStatementInput[]): string {
  const list = Array.isArray(statements) ? statements : [statements];
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    Document: {
      '@_xmlns': NAMESPACES[version],
      BkToCstmrStmt: {
        GrpHdr: { MsgId: `MSG-${list[0]!.id}`, CreDtTm: list[0]!.createdAt ?? '2012-03-05T06:00:00+01:00' },
        Stmt: list.map((statement) => statementOf(version, statement)),
      },
    },
  };
  return builder.build(document) as string;
}

const schemas = new Map<CamtVersion, XsdValidator>();

/** The schema's complaints about a file (none for a valid one). The validators live as long as the test run. */
export function camtSchemaErrors(version: CamtVersion, xml: string): string[] {
  let validator = schemas.get(version);
  if (!validator) {
    const path = fileURLToPath(new URL(`../../src/modules/bank-statements/schemas/camt.053.001.${version}.xsd`, import.meta.url));
    validator = XsdValidator.fromDoc(XmlDocument.fromBuffer(readFileSync(path)));
    schemas.set(version, validator);
  }
  const document = XmlDocument.fromString(xml);
  try {
    validator.validate(document);
    return [];
  } catch (error) {
    if (error instanceof XmlValidateError) return error.details.map((detail) => `${detail.line}: ${detail.message.trim()}`);
    throw error;
  } finally {
    document.dispose();
  }
}
