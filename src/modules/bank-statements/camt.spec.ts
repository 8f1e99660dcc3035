import { camt053, camtSchemaErrors, type CamtEntry, type CamtVersion } from '../../../test/helpers/camt.js';
import { betalingskenmerk } from '../invoices/payment-reference.js';
import { amountToCents, CamtAmountError, kindOf, parseCamt053 } from './camt.js';
import { betalingskenmerkenIn, invoiceKeysOf, invoiceNumbersIn } from './references.js';

const REFERENCE = betalingskenmerk('000012012000042');

const collectionBatch: CamtEntry = {
  amountCents: 10_500 + 12_345 + 10,
  direction: 'credit',
  bookingDate: '2012-03-02',
  reference: 'BATCH-1',
  code: ['PMNT', 'IDDT', 'ESDD'],
  details: [
    { amountCents: 10_500, endToEndId: 'VKG-2012-000001', counterpartyName: 'Anna de Vries', counterpartyIban: 'NL02RABO0123456789' },
    { amountCents: 12_345, endToEndId: 'VKG-2012-000002', structuredReference: REFERENCE },
    { amountCents: 10, endToEndId: 'VKG-2012-000003' },
  ],
};

const returned: CamtEntry = {
  amountCents: 12_345,
  direction: 'debit',
  bookingDate: '2012-03-06',
  dateTimes: true,
  reference: 'RET-1',
  code: ['PMNT', 'IDDT', 'UPDD'],
  details: [{ endToEndId: 'VKG-2012-000002', returnReason: 'AM04', counterpartyName: 'Bram Jansen' }],
};

const transfer: CamtEntry = {
  amountCents: 123_456_789,
  direction: 'credit',
  bookingDate: '2012-03-03',
  valueDate: '2012-03-04',
  reference: 'TRF-1',
  code: ['PMNT', 'RCDT', 'ESCT'],
  details: [{ unstructured: ['huur maart', `kenmerk ${REFERENCE.replace(/(\d{4})(?=\d)/g, '$1 ')}`], counterpartyName: 'Cas' }],
};

describe.each<CamtVersion>(['02', '08'])('reading a camt.053.001.%s statement', (version) => {
  const xml = camt053(version, [
    { id: 'STMT-1', sequence: 7, entries: [collectionBatch, transfer] },
    {
      id: 'STMT-2',
      sequence: 8,
      entries: [returned, { ...transfer, reference: 'COST-1', direction: 'debit', code: ['PMNT', 'ICDT', 'ESCT'] }],
    },
  ]);

  it('writes files that pass the schema (the test generator itself)', () => {
    expect(camtSchemaErrors(version, xml)).toEqual([]);
  });

  it('reads every statement, every entry and every detail of a batch booking, amounts as exact cents', () => {
    const statements = parseCamt053(xml);
    expect(statements.map((statement) => [statement.id, statement.sequence, statement.account])).toEqual([
      ['STMT-1', '7', 'NL91ABNA0417164300'],
      ['STMT-2', '8', 'NL91ABNA0417164300'],
    ]);
    const [first, second] = statements;
    expect(first!.transactions.map((t) => [t.entryIndex, t.detailIndex, t.amountCents, t.endToEndId, kindOf(t)])).toEqual([
      [0, 0, 10_500, 'VKG-2012-000001', 'collection'],
      [0, 1, 12_345, 'VKG-2012-000002', 'collection'],
      [0, 2, 10, 'VKG-2012-000003', 'collection'],
      [1, 0, 123_456_789, null, 'transfer'],
    ]);
    expect(first!.transactions[0]).toMatchObject({
      entryReference: 'BATCH-1',
      direction: 'credit',
      status: 'BOOK',
      bookingDate: '2012-03-02',
      code: { domain: 'PMNT', family: 'IDDT', subFamily: 'ESDD' },
      counterpartyName: 'Anna de Vries',
      counterpartyIban: 'NL02RABO0123456789',
    });
    expect(first!.transactions[1]!.structuredReferences).toEqual([REFERENCE]);
    expect(first!.transactions[3]).toMatchObject({ bookingDate: '2012-03-03', valueDate: '2012-03-04', counterpartyName: 'Cas' });
    expect(second!.transactions.map((t) => [t.direction, t.returnReason, t.bookingDate, kindOf(t)])).toEqual([
      ['debit', 'AM04', '2012-03-06', 'return'],
      ['debit', null, '2012-03-03', 'other'],
    ]);
  });

  it('finds the betalingskenmerk a transfer quotes in its free text, spaced in groups', () => {
    const keys = invoiceKeysOf(parseCamt053(xml)[0]!.transactions[3]!);
    expect(keys.paymentReferences).toEqual([REFERENCE]);
  });
});

describe('amounts', () => {
  it('turns decimal strings into cents without a float on the way', () => {
    expect(amountToCents('0.10')).toBe(10);
    expect(amountToCents('0.29')).toBe(29);
    expect(amountToCents('1234567.89')).toBe(123_456_789);
    expect(amountToCents('12.5')).toBe(1250);
    expect(amountToCents('12')).toBe(1200);
    expect(amountToCents('12.50000')).toBe(1250);
    expect(amountToCents('9007199254740.99')).toBe(900_719_925_474_099);
  });

  it('refuses fractions of a cent and what is not an amount', () => {
    for (const bad of ['0.001', '1,50', '-1.00', '', '1e3', '99999999999999999.99'])
      expect(() => amountToCents(bad)).toThrow(CamtAmountError);
  });
});

describe('what names an invoice', () => {
  it('joins digit groups split by spaces or dots only to exactly sixteen digits with a valid check digit', () => {
    const spaced = REFERENCE.replace(/(\d{4})(?=\d)/g, '$1 ');
    const dotted = REFERENCE.replace(/(\d{4})(?=\d)/g, '$1.');
    expect(betalingskenmerkenIn(`betaling ${spaced} 2012`)).toEqual([REFERENCE]);
    expect(betalingskenmerkenIn(`kenmerk:${dotted}.`)).toEqual([REFERENCE]);
    expect(betalingskenmerkenIn(`${REFERENCE}`)).toEqual([REFERENCE]);
    const wrongCheck = `${(Number(REFERENCE[0]) + 1) % 10}${REFERENCE.slice(1)}`;
    expect(betalingskenmerkenIn(`kenmerk ${wrongCheck}`)).toEqual([]);
    expect(betalingskenmerkenIn('2012 03 01 125,00')).toEqual([]);
  });

  it('reads invoice numbers in any case', () => {
    expect(invoiceNumbersIn('factuur vkg-2012-000123 en VKG-2012-000124')).toEqual(['VKG-2012-000123', 'VKG-2012-000124']);
  });

  it('takes a return by its reason code also without a direct-debit family, and a bank reversal of a collection as a return', () => {
    const [statement] = parseCamt053(
      camt053('08', {
        id: 'S',
        entries: [
          { ...returned, code: ['PMNT', 'RDDT', 'ESDD'] },
          { ...collectionBatch, direction: 'debit', reversal: true, details: [{ endToEndId: 'VKG-2012-000001' }], amountCents: 10_500 },
          { ...transfer, status: 'PDNG' },
        ],
      }),
    );
    expect(statement!.transactions.map((t) => [kindOf(t), t.status])).toEqual([
      ['return', 'BOOK'],
      ['return', 'BOOK'],
      ['transfer', 'PDNG'],
    ]);
  });
});

describe('what real banks leave out or write differently', () => {
  /** A prefixed namespace, no booking or value date, RvslInd as 1, an amount only as the instructed amount. */
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<c:Document xmlns:c="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
 <c:BkToCstmrStmt>
  <c:GrpHdr><c:MsgId>M1</c:MsgId><c:CreDtTm>2012-03-05T23:59:00Z</c:CreDtTm></c:GrpHdr>
  <c:Stmt>
   <c:Id>S1</c:Id><c:LglSeqNb>12</c:LglSeqNb>
   <c:Acct><c:Id><c:Othr><c:Id>0417164300</c:Id></c:Othr></c:Id></c:Acct>
   <c:Bal><c:Tp><c:CdOrPrtry><c:Cd>CLBD</c:Cd></c:CdOrPrtry></c:Tp><c:Amt Ccy="EUR">0</c:Amt><c:CdtDbtInd>CRDT</c:CdtDbtInd><c:Dt><c:Dt>2012-03-05</c:Dt></c:Dt></c:Bal>
   <c:Ntry>
    <c:Amt Ccy="EUR">105</c:Amt><c:CdtDbtInd>DBIT</c:CdtDbtInd><c:RvslInd>1</c:RvslInd><c:Sts><c:Cd>BOOK</c:Cd></c:Sts>
    <c:BkTxCd><c:Domn><c:Cd>PMNT</c:Cd><c:Fmly><c:Cd>IDDT</c:Cd><c:SubFmlyCd>ESDD</c:SubFmlyCd></c:Fmly></c:Domn></c:BkTxCd>
    <c:NtryDtls><c:TxDtls>
     <c:Refs><c:EndToEndId>VKG-2012-000001</c:EndToEndId></c:Refs>
     <c:AmtDtls><c:InstdAmt><c:Amt Ccy="EUR">105.00</c:Amt></c:InstdAmt></c:AmtDtls>
     <c:RmtInf><c:Ustrd>NOTPROVIDED</c:Ustrd></c:RmtInf>
    </c:TxDtls><c:TxDtls>
     <c:Refs><c:EndToEndId>NOTPROVIDED</c:EndToEndId></c:Refs>
     <c:AmtDtls><c:InstdAmt><c:Amt Ccy="EUR">0.5</c:Amt></c:InstdAmt></c:AmtDtls>
    </c:TxDtls></c:NtryDtls>
   </c:Ntry>
  </c:Stmt>
 </c:BkToCstmrStmt>
</c:Document>`;

  it('passes the schema as written', () => {
    expect(camtSchemaErrors('08', xml)).toEqual([]);
  });

  it('reads it: the statement’s day for the booking, the legal sequence, the other account id, the reversal', () => {
    const [statement] = parseCamt053(xml);
    expect(statement).toMatchObject({ id: 'S1', sequence: '12', account: '0417164300' });
    expect(statement!.transactions.map((t) => [t.bookingDate, t.reversal, t.amountCents, t.endToEndId, kindOf(t)])).toEqual([
      ['2012-03-05', true, 10_500, 'VKG-2012-000001', 'return'],
      ['2012-03-05', true, 50, null, 'return'],
    ]);
  });
});
