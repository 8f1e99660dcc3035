import { XMLParser } from 'fast-xml-parser';

/**
 * Reads a camt.053 bank statement (`.001.02` or `.001.08`, already checked against its XSD) into plain
 * values. Written for what Dutch banks really send: several statements per file, several entries per
 * statement, a batch booking as one entry with a transaction detail per item, codes on the entry or on
 * the detail, dates as a date or a date-time, parties with or without the `.08` `Pty` level.
 */

export type CamtVersion = '02' | '08';

export const CAMT_NAMESPACES: Record<CamtVersion, string> = {
  '02': 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02',
  '08': 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.08',
};

export interface CamtStatement {
  id: string;
  /** ElctrncSeqNb, else LglSeqNb, else empty: with the id and the account it names one statement. */
  sequence: string;
  account: string;
  currency: string | null;
  createdAt: string | null;
  transactions: CamtTransaction[];
}

export interface BankTransactionCode {
  domain: string | null;
  family: string | null;
  subFamily: string | null;
  proprietary: string | null;
}

/** One transaction detail of an entry, or the entry itself when it has none. */
export interface CamtTransaction {
  /** Where it stands: the entry's position in the statement and the detail's in the entry (from 0). */
  entryIndex: number;
  detailIndex: number;
  /** The bank's reference of the entry (AcctSvcrRef) and of the detail, when it gives them. */
  entryReference: string | null;
  detailReference: string | null;
  amountCents: number;
  currency: string;
  direction: 'credit' | 'debit';
  /** RvslInd: the bank undoes an earlier booking. */
  reversal: boolean;
  status: string;
  bookingDate: string;
  valueDate: string | null;
  code: BankTransactionCode;
  endToEndId: string | null;
  structuredReferences: string[];
  /** Ustrd lines and the additional entry/transaction information, as given. */
  freeText: string[];
  returnReason: string | null;
  counterpartyName: string | null;
  counterpartyIban: string | null;
}

export type TransactionKind = 'collection' | 'return' | 'transfer' | 'other';

/** The bank's "not applicable" filler, which some banks put in EndToEndId. */
const NOT_PROVIDED = 'NOTPROVIDED';

const DIRECT_DEBIT_FAMILIES = new Set(['IDDT', 'RDDT']);
const DIRECT_DEBIT_SUB_FAMILIES = new Set(['ESDD', 'BBDD', 'UPDD', 'PRDD']);
/** Unpaid (returned) direct debits and reversals of a direct debit. */
const RETURN_SUB_FAMILIES = new Set(['UPDD', 'RRTN', 'PRDD']);

const ARRAYS = new Set(['Stmt', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Strd', 'Bal', 'AddtlInf']);

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  // Values stay strings: an amount such as "0.10" must never pass through a float.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => ARRAYS.has(name),
});

export class CamtAmountError extends Error {
  constructor(readonly amount: string) {
    super(`${amount} is not an amount in cents`);
  }
}

/** "1234567.89" → 123456789, by string, so no float ever rounds; "12.5" and "12.500" are 1250. */
export function amountToCents(amount: string): number {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) throw new CamtAmountError(amount);
  const fraction = (match[2] ?? '').padEnd(2, '0');
  if (/[1-9]/.test(fraction.slice(2))) throw new CamtAmountError(amount);
  const cents = BigInt(match[1]!) * 100n + BigInt(fraction.slice(0, 2));
  if (cents > BigInt(Number.MAX_SAFE_INTEGER)) throw new CamtAmountError(amount);
  return Number(cents);
}

type Node = Record<string, unknown>;

function child(node: unknown, ...path: string[]): unknown {
  let current = node;
  for (const name of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Node)[name];
    if (Array.isArray(current)) current = current[0];
  }
  return current;
}

function text(node: unknown, ...path: string[]): string | null {
  const value = child(node, ...path);
  if (typeof value === 'string') return value === '' ? null : value;
  if (value !== null && typeof value === 'object' && typeof (value as Node)['#text'] === 'string')
    return (value as Node)['#text'] as string;
  return null;
}

function list(node: unknown, name: string): Node[] {
  if (node === null || typeof node !== 'object') return [];
  const value = (node as Node)[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]) as Node[];
}

/** A date, or the calendar day of a date-time as the bank wrote it (its own time zone). */
function dayOf(node: unknown): string | null {
  const value = text(node, 'Dt') ?? text(node, 'DtTm');
  return value ? value.slice(0, 10) : null;
}

function amountOf(node: unknown): { cents: number; currency: string } | null {
  const amount = child(node);
  const value = text(amount);
  if (value === null) return null;
  return { cents: amountToCents(value), currency: ((amount as Node)['@Ccy'] as string | undefined) ?? '' };
}

function codeOf(node: unknown): BankTransactionCode | null {
  const code = child(node, 'BkTxCd');
  if (code === undefined) return null;
  return {
    domain: text(code, 'Domn', 'Cd'),
    family: text(code, 'Domn', 'Fmly', 'Cd'),
    subFamily: text(code, 'Domn', 'Fmly', 'SubFmlyCd'),
    proprietary: text(code, 'Prtry', 'Cd'),
  };
}

/** `.02` names a party directly (Dbtr/Nm), `.08` through Pty (Dbtr/Pty/Nm). */
function partyName(parties: unknown, role: string): string | null {
  return text(parties, role, 'Pty', 'Nm') ?? text(parties, role, 'Nm');
}

function counterpartyOf(detail: unknown, direction: 'credit' | 'debit'): { name: string | null; iban: string | null } {
  const parties = child(detail, 'RltdPties');
  const role = direction === 'credit' ? 'Dbtr' : 'Cdtr';
  return { name: partyName(parties, role), iban: text(parties, `${role}Acct`, 'Id', 'IBAN') };
}

function remittanceOf(detail: unknown): { structured: string[]; unstructured: string[] } {
  const remittance = child(detail, 'RmtInf');
  const structured = list(remittance, 'Strd')
    .map((block) => text(block, 'CdtrRefInf', 'Ref'))
    .filter((reference): reference is string => reference !== null);
  const unstructured = list(remittance, 'Ustrd')
    .map((line) => text(line))
    .filter((line): line is string => line !== null);
  return { structured, unstructured };
}

function transactionsOf(entry: Node, entryIndex: number, statementDay: string): CamtTransaction[] {
  const direction = text(entry, 'CdtDbtInd') === 'DBIT' ? 'debit' : 'credit';
  const entryAmount = amountOf(child(entry, 'Amt'))!;
  const entryCode = codeOf(entry);
  const details = list(entry, 'NtryDtls').flatMap((block) => list(block, 'TxDtls'));
  const entryInformation = text(entry, 'AddtlNtryInf');
  const shared = {
    entryIndex,
    entryReference: text(entry, 'AcctSvcrRef'),
    direction,
    reversal: ['true', '1'].includes(text(entry, 'RvslInd') ?? ''),
    // `.02` writes the code as the element's text, `.08` in Sts/Cd.
    status: text(entry, 'Sts', 'Cd') ?? text(entry, 'Sts') ?? '',
    // Both dates are optional in the schema; a bank that leaves them out books on the statement's day.
    bookingDate: dayOf(child(entry, 'BookgDt')) ?? dayOf(child(entry, 'ValDt')) ?? statementDay,
    valueDate: dayOf(child(entry, 'ValDt')),
  } as const;
  const none: BankTransactionCode = { domain: null, family: null, subFamily: null, proprietary: null };
  if (details.length === 0) {
    return [
      {
        ...shared,
        detailIndex: 0,
        detailReference: null,
        amountCents: entryAmount.cents,
        currency: entryAmount.currency,
        code: entryCode ?? none,
        endToEndId: null,
        structuredReferences: [],
        freeText: entryInformation ? [entryInformation] : [],
        returnReason: null,
        counterpartyName: null,
        counterpartyIban: null,
      },
    ];
  }
  return details.map((detail, detailIndex) => {
    // A batch booking gives each item's amount in its detail; a single one may give it on the entry only.
    const amount =
      amountOf(child(detail, 'Amt')) ??
      amountOf(child(detail, 'AmtDtls', 'TxAmt', 'Amt')) ??
      amountOf(child(detail, 'AmtDtls', 'InstdAmt', 'Amt')) ??
      (details.length === 1 ? entryAmount : null);
    if (!amount) throw new CamtAmountError('(missing)');
    const remittance = remittanceOf(detail);
    const endToEndId = text(detail, 'Refs', 'EndToEndId');
    const counterparty = counterpartyOf(detail, direction);
    const detailInformation = text(detail, 'AddtlTxInf');
    return {
      ...shared,
      detailIndex,
      detailReference: text(detail, 'Refs', 'AcctSvcrRef'),
      amountCents: amount.cents,
      currency: amount.currency,
      code: codeOf(detail) ?? entryCode ?? none,
      endToEndId: endToEndId === NOT_PROVIDED ? null : endToEndId,
      structuredReferences: remittance.structured,
      freeText: [
        ...remittance.unstructured,
        ...(detailInformation ? [detailInformation] : []),
        ...(entryInformation ? [entryInformation] : []),
      ],
      returnReason: text(detail, 'RtrInf', 'Rsn', 'Cd') ?? text(detail, 'RtrInf', 'Rsn', 'Prtry'),
      counterpartyName: counterparty.name,
      counterpartyIban: counterparty.iban,
    };
  });
}

/** Every statement of the file with its transactions, in the file's order. */
export function parseCamt053(xml: string): CamtStatement[] {
  const document = parser.parse(xml) as Node;
  const message = child(document, 'Document', 'BkToCstmrStmt');
  const messageCreatedAt = text(message, 'GrpHdr', 'CreDtTm')!;
  return list(message, 'Stmt').map((statement) => {
    const account = child(statement, 'Acct');
    const createdAt = text(statement, 'CreDtTm');
    return {
      id: text(statement, 'Id')!,
      sequence: text(statement, 'ElctrncSeqNb') ?? text(statement, 'LglSeqNb') ?? '',
      account: text(account, 'Id', 'IBAN') ?? text(account, 'Id', 'Othr', 'Id') ?? '',
      currency: text(account, 'Ccy'),
      createdAt,
      transactions: list(statement, 'Ntry').flatMap((entry, index) =>
        transactionsOf(entry, index, (createdAt ?? messageCreatedAt).slice(0, 10)),
      ),
    };
  });
}

/**
 * What a transaction is to the creditor: a direct debit it collected, the return (or refusal, or
 * reversal) of one, an incoming transfer, or anything else (outgoing payments, costs).
 */
export function kindOf(transaction: CamtTransaction): TransactionKind {
  const { family, subFamily } = transaction.code;
  const directDebit =
    (family !== null && DIRECT_DEBIT_FAMILIES.has(family)) || (subFamily !== null && DIRECT_DEBIT_SUB_FAMILIES.has(subFamily));
  if (transaction.returnReason !== null) return directDebit || transaction.direction === 'debit' ? 'return' : 'other';
  if (
    directDebit &&
    (transaction.direction === 'debit' || transaction.reversal || (subFamily !== null && RETURN_SUB_FAMILIES.has(subFamily)))
  ) {
    return 'return';
  }
  if (transaction.direction === 'debit') return 'other';
  return directDebit ? 'collection' : 'transfer';
}
