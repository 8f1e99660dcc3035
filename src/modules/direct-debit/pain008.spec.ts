import { XMLParser } from 'fast-xml-parser';
import { xsdErrors } from '../../../test/helpers/xsd.js';
import { type DirectDebit, type DirectDebitBatch, PAIN_VERSIONS, writePain008 } from './pain008.js';

function debit(overrides: Partial<DirectDebit> = {}): DirectDebit {
  return {
    endToEndId: 'VKG-2012-000001',
    amountCents: 12345,
    sequenceType: 'RCUR',
    mandateReference: 'VKG-M-000001',
    mandateSignedOn: '2011-12-15',
    amendment: null,
    debtorName: 'Maker',
    debtorIban: 'NL02ABNA0123456789',
    debtorBic: null,
    creditorReference: '5000010120120001',
    ...overrides,
  };
}

function batch(debits: DirectDebit[]): DirectDebitBatch {
  return {
    messageId: 'VKG-C-20120301-1',
    createdAt: new Date('2012-02-10T09:30:00Z'),
    collectionDate: '2012-03-01',
    creditor: { name: 'Stichting Urban Resort', iban: 'NL91ABNA0417164300', bic: 'ABNANL2A', identifier: 'NL05ZZZ342635380000' },
    debits,
  };
}

const parsed = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => ['PmtInf', 'DrctDbtTxInf'].includes(name) }).parse(xml);

describe.each(PAIN_VERSIONS)('pain.008.001.%s', (version) => {
  const schema = `sepa/pain.008.001.${version}.xsd`;

  it('passes the schema with exact sums of integer cents', () => {
    const xml = writePain008(
      batch([
        debit({ endToEndId: 'E1', amountCents: 12345 }),
        debit({ endToEndId: 'E2', amountCents: 1, debtorBic: 'RABONL2U' }),
        debit({ endToEndId: 'E3', amountCents: 99999999 }),
      ]),
      version,
    );
    expect(xsdErrors(schema, xml)).toEqual([]);
    const document = parsed(xml).Document;
    expect(document['@_xmlns']).toBe(`urn:iso:std:iso:20022:tech:xsd:pain.008.001.${version}`);
    const initiation = document.CstmrDrctDbtInitn;
    expect(initiation.GrpHdr.CtrlSum).toBe('1000123.45');
    expect(initiation.GrpHdr.NbOfTxs).toBe('3');
    expect(initiation.PmtInf[0].CtrlSum).toBe('1000123.45');
    expect(initiation.PmtInf[0].DrctDbtTxInf.map((tx: { InstdAmt: { '#text': string } }) => tx.InstdAmt['#text'])).toEqual([
      '123.45',
      '0.01',
      '999999.99',
    ]);
  });

  it('sends the betalingskenmerk as a structured creditor reference and the mandate as signed', () => {
    const xml = writePain008(batch([debit()]), version);
    const tx = parsed(xml).Document.CstmrDrctDbtInitn.PmtInf[0].DrctDbtTxInf[0];
    expect(tx.RmtInf.Strd.CdtrRefInf).toEqual({ Tp: { CdOrPrtry: { Cd: 'SCOR' }, Issr: 'CUR' }, Ref: '5000010120120001' });
    expect(tx.DrctDbtTx.MndtRltdInf).toEqual({ MndtId: 'VKG-M-000001', DtOfSgntr: '2011-12-15', AmdmntInd: 'false' });
    expect(tx.PmtId.EndToEndId).toBe('VKG-2012-000001');
  });

  it('passes names transliterated into the SEPA character set', () => {
    const xml = writePain008(batch([debit({ debtorName: 'Łódź Ørsted & Søn' })]), version);
    expect(xsdErrors(schema, xml)).toEqual([]);
    expect(parsed(xml).Document.CstmrDrctDbtInitn.PmtInf[0].DrctDbtTxInf[0].Dbtr.Nm).toBe('Lodz Orsted + Son');
  });

  it('reports an amended mandate with the original IBAN, creditor and reference', () => {
    const amendment = {
      originalMandateReference: 'OLD-M-1',
      originalCreditorIdentifier: 'NL79ZZZ999999990000',
      originalIban: 'NL91ABNA0417164300',
    };
    const xml = writePain008(batch([debit({ amendment })]), version);
    expect(xsdErrors(schema, xml)).toEqual([]);
    const mandate = parsed(xml).Document.CstmrDrctDbtInitn.PmtInf[0].DrctDbtTxInf[0].DrctDbtTx.MndtRltdInf;
    expect(mandate.AmdmntInd).toBe('true');
    expect(mandate.AmdmntInfDtls).toEqual({
      OrgnlMndtId: 'OLD-M-1',
      OrgnlCdtrSchmeId: { Id: { PrvtId: { Othr: { Id: 'NL79ZZZ999999990000', SchmeNm: { Prtry: 'SEPA' } } } } },
      OrgnlDbtrAcct: { Id: { IBAN: 'NL91ABNA0417164300' } },
    });
  });

  it('puts first and recurring collections in payment information blocks of their own', () => {
    const xml = writePain008(
      batch([debit({ sequenceType: 'FRST', endToEndId: 'F1' }), debit({ endToEndId: 'R1' }), debit({ endToEndId: 'R2' })]),
      version,
    );
    expect(xsdErrors(schema, xml)).toEqual([]);
    const blocks = parsed(xml).Document.CstmrDrctDbtInitn.PmtInf;
    expect(blocks.map((block: { PmtTpInf: { SeqTp: string }; NbOfTxs: string }) => [block.PmtTpInf.SeqTp, block.NbOfTxs])).toEqual([
      ['FRST', '1'],
      ['RCUR', '2'],
    ]);
  });

  it('has a check that fails: a missing date, an amount with a decimal comma or a bad IBAN is refused', () => {
    const xml = writePain008(batch([debit()]), version);
    expect(xsdErrors(schema, xml.replace('<ReqdColltnDt>2012-03-01</ReqdColltnDt>', ''))).not.toEqual([]);
    expect(xsdErrors(schema, xml.replace('>123.45<', '>123,45<'))).not.toEqual([]);
    expect(xsdErrors(schema, xml.replace('NL02ABNA0123456789', 'nl02 abna'))).not.toEqual([]);
  });
});
