import { CONTENT_WIDTH, drawTable, PAGE, renderPdf } from '../../pdf/document.js';
import { dutchDate, euros, squareMetres } from '../../pdf/dutch-format.js';
import { monthlyRentCents } from '../rent-bands/rent.js';
import type { HandoverPlan } from './handover-plan.js';
import type { DossierCopy, RentRollRow } from './handovers.repository.js';

export interface DossierData {
  buildingName: string;
  buildingAddress: string;
  fromOwner: string;
  toOwner: string;
  transferDate: string;
  retainedLevels: number[];
  newUseEnd: string | null;
  rentRoll: RentRollRow[];
  plan: HandoverPlan;
}

/**
 * The handover dossier: the rent roll at the transfer date and each lease's fate. The owners deal with
 * the umbrella, not with its sub-tenants, so their copy shows spaces, areas, bands, rents and end dates
 * but no names, deposits or arrears; the umbrella's copy keeps them.
 */
export function renderDossierPdf(data: DossierData, copy: DossierCopy): Promise<Buffer> {
  const personal = copy === 'umbrella';
  return renderPdf({ title: `Overdrachtsdossier ${data.buildingName}`, author: 'Broedplaats', date: data.transferDate }, (doc) => {
    doc.font('bold').fontSize(16).text(`Overdrachtsdossier ${data.buildingName}`);
    doc.font('regular').fontSize(10).text(data.buildingAddress);
    doc.moveDown();
    for (const [label, value] of [
      ['Verkoper', data.fromOwner],
      ['Koper', data.toOwner],
      ['Overdrachtsdatum', dutchDate(data.transferDate)],
      ['Blijft broedplaats', data.retainedLevels.length > 0 ? `verdieping ${data.retainedLevels.join(', ')}` : 'geen verdieping'],
      ['Nieuw einde gebruik', data.newUseEnd ? dutchDate(data.newUseEnd) : 'ongewijzigd'],
    ] as const) {
      doc.text(`${label}: ${value}`);
    }
    doc.moveDown();
    doc
      .fontSize(9)
      .text(
        'Koop breekt geen huur (art. 7:226 BW): de koper treedt in de rechten en plichten van de verhuurder. Wat vóór de overdrachtsdatum ' +
          'verschuldigd werd, blijft van de verkoper. Huurders op verdiepingen die geen broedplaats blijven ontvangen een ontruimingsaanzegging ' +
          'met inachtneming van hun opzegtermijn.',
        { width: CONTENT_WIDTH },
      );
    const totals = data.rentRoll.reduce(
      (sum, row) => ({
        rent: sum.rent + monthlyRentCents(row.areaM2, row.ratePerM2YearCents),
        deposits: sum.deposits + row.depositCents,
        arrears: sum.arrears + row.arrearsCents,
      }),
      { rent: 0, deposits: 0, arrears: 0 },
    );
    doc.moveDown();
    doc
      .fontSize(10)
      .text(
        `Huurders: ${data.rentRoll.length} · huur per maand ${euros(totals.rent)}` +
          (personal ? ` · waarborgsommen ${euros(totals.deposits)} · achterstanden ${euros(totals.arrears)}` : ''),
      );
    doc.text(
      `Huurovereenkomsten die doorlopen: ${data.plan.leasesTransferred.length} · ontruimingsaanzeggingen: ${data.plan.leasesEnded.length}`,
    );
    const pastUseEnd = [...data.plan.leasesTransferred, ...data.plan.leasesEnded].filter((lease) => lease.runsPastUseEnd);
    if (pastUseEnd.length > 0)
      doc.text(
        `Let op: ${pastUseEnd.length} huurovereenkomst(en) lopen na het einde van het gebruik door (gemarkeerd "na einde gebruik").`,
        {
          width: CONTENT_WIDTH,
        },
      );
    doc.moveDown();

    const fate = new Map<string, string>();
    const pastUseEndMark = (lease: { runsPastUseEnd?: boolean }) => (lease.runsPastUseEnd ? ' · na einde gebruik' : '');
    for (const lease of data.plan.leasesTransferred) fate.set(lease.leaseId, `loopt door${pastUseEndMark(lease)}`);
    for (const lease of data.plan.leasesEnded)
      fate.set(
        lease.leaseId,
        `eindigt ${dutchDate(lease.endDate)}${pastUseEndMark(lease)}${lease.relocationOptions.length ? ` · aanbod ${lease.relocationOptions.map((option) => option.code).join(', ')}` : ''}`,
      );
    doc.font('bold').text('Huurlijst op de overdrachtsdatum');
    doc.moveDown(0.5);
    const fateOf = (row: RentRollRow) =>
      fate.get(row.leaseId) ?? (row.endDate !== null && row.endDate <= data.transferDate ? 'eindigt vóór overdracht' : 'loopt door');
    const rent = (row: RentRollRow) => euros(monthlyRentCents(row.areaM2, row.ratePerM2YearCents));
    if (personal)
      drawTable(
        doc,
        [
          { header: 'Ruimte', width: 40 },
          { header: 'Huurder', width: 105 },
          { header: 'm²', width: 45, align: 'right' },
          { header: 'Huur/mnd', width: 60, align: 'right' },
          { header: 'Waarborg', width: 60, align: 'right' },
          { header: 'Achterstand', width: 60, align: 'right' },
          { header: 'Gevolg', width: 125 },
        ],
        data.rentRoll.map((row) => [
          row.spaceCode,
          row.tenantName,
          squareMetres(row.areaM2),
          rent(row),
          euros(row.depositCents),
          euros(row.arrearsCents),
          fateOf(row),
        ]),
        { fontSize: 7 },
      );
    else
      drawTable(
        doc,
        [
          { header: 'Ruimte', width: 50 },
          { header: 'm²', width: 55, align: 'right' },
          { header: 'Tarief', width: 45 },
          { header: 'Huur/mnd', width: 70, align: 'right' },
          { header: 'Einddatum', width: 75 },
          { header: 'Gevolg', width: 200 },
        ],
        data.rentRoll.map((row) => [
          row.spaceCode,
          squareMetres(row.areaM2),
          row.bandCode,
          rent(row),
          row.endDate ? dutchDate(row.endDate) : 'onbepaald',
          fateOf(row),
        ]),
        { fontSize: 7 },
      );
    doc.x = PAGE.margin;
  });
}

export interface NoticeLetterData {
  umbrellaName: string;
  tenantName: string;
  tenantAddress: string | null;
  buildingName: string;
  buildingAddress: string;
  city: string;
  spaceCode: string;
  givenOn: string;
  endDate: string;
  transferDate: string;
  toOwner: string;
  relocationOptions: { code: string; areaM2: number }[];
}

/** The written notice to vacate (ontruimingsaanzegging) for a tenant whose floor leaves the broedplaats. */
export function renderNoticePdf(data: NoticeLetterData): Promise<Buffer> {
  return renderPdf({ title: `Ontruimingsaanzegging ${data.spaceCode}`, author: data.umbrellaName, date: data.givenOn }, (doc) => {
    doc.font('bold').fontSize(12).text(data.umbrellaName);
    doc.moveDown(2);
    doc.font('regular').fontSize(10).text(data.tenantName);
    doc.text(data.tenantAddress ?? `${data.buildingAddress} (ruimte ${data.spaceCode}), ${data.city}`);
    doc.moveDown(2);
    doc.text(`${data.city}, ${dutchDate(data.givenOn)}`);
    doc.moveDown();
    doc.font('bold').text(`Ontruimingsaanzegging ruimte ${data.spaceCode}, ${data.buildingName}`);
    doc.font('regular').moveDown();
    doc.text(
      `Het gebouw ${data.buildingName} wordt op ${dutchDate(data.transferDate)} overgedragen aan ${data.toOwner}. De verdieping waarop uw ruimte ` +
        `${data.spaceCode} ligt, blijft na de overdracht geen broedplaats. Met inachtneming van uw opzegtermijn zeggen wij hierbij de ` +
        `huurovereenkomst op. Wij verzoeken u de ruimte uiterlijk op ${dutchDate(data.endDate)} leeg en schoon op te leveren.`,
      { width: CONTENT_WIDTH },
    );
    doc.moveDown();
    if (data.relocationOptions.length > 0) {
      doc.text('Wij bieden u graag een vergelijkbare ruimte aan op een verdieping die broedplaats blijft:', { width: CONTENT_WIDTH });
      for (const option of data.relocationOptions) doc.text(`• ruimte ${option.code}, ${squareMetres(option.areaM2)}`);
    } else {
      doc.text(
        'Er is op dit moment geen vergelijkbare ruimte vrij op de verdiepingen die broedplaats blijven; wij houden u op de hoogte.',
        { width: CONTENT_WIDTH },
      );
    }
    doc.moveDown(2);
    doc.text('Met vriendelijke groet,');
    doc.text(data.umbrellaName);
  });
}
