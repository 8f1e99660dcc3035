import { stringify } from 'csv-stringify/sync';
import { ratio, sumAreas } from '../../common/measures.js';
import { drawBarChart } from '../../pdf/chart.js';
import { CONTENT_WIDTH, drawTable, PAGE, renderPdf } from '../../pdf/document.js';
import { dutchDate, euros, percentage, squareMetres } from '../../pdf/dutch-format.js';
import type { BuildingMonitorFigures, PeopleCount, monitorTotals } from './aggregates.js';

export interface OwnerOccupancyReport {
  buildingId: string;
  name: string;
  period: string;
  asOf: string;
  generatedOn: string;
  lettableAreaM2: number;
  letAreaM2: number;
  vacantAreaM2: number;
  occupancyRate: number;
  floors: { level: number; lettableAreaM2: number; letAreaM2: number }[];
  rentIncomeCents: number;
  interestCostCents: number;
  balanceCents: number;
  leasesEndingAfterHeadLease: PeopleCount;
}

export interface MunicipalityMonitorReport {
  city: string;
  period: string;
  asOf: string;
  generatedOn: string;
  totals: ReturnType<typeof monitorTotals>;
  buildings: BuildingMonitorFigures[];
}

const count = (value: PeopleCount) => String(value);

/** The contract's JSON: no names, e-mails or individual rents. */
export function ownerReportJson(report: OwnerOccupancyReport): Buffer {
  const { name: _name, asOf: _asOf, generatedOn: _generatedOn, ...figures } = report;
  return Buffer.from(JSON.stringify(figures, null, 2));
}

export function monitorJson(report: MunicipalityMonitorReport): Buffer {
  const { asOf: _asOf, generatedOn: _generatedOn, ...figures } = report;
  return Buffer.from(JSON.stringify(figures, null, 2));
}

/** One row per floor. */
export function ownerReportCsv(report: OwnerOccupancyReport): Buffer {
  return Buffer.from(
    stringify(
      report.floors.map((floor) => ({
        buildingId: report.buildingId,
        period: report.period,
        level: floor.level,
        lettableAreaM2: floor.lettableAreaM2,
        letAreaM2: floor.letAreaM2,
        vacantAreaM2: sumAreas([floor.lettableAreaM2, -floor.letAreaM2]),
        occupancyRate: ratio(floor.letAreaM2, floor.lettableAreaM2),
      })),
      { header: true, columns: ['buildingId', 'period', 'level', 'lettableAreaM2', 'letAreaM2', 'vacantAreaM2', 'occupancyRate'] },
    ),
  );
}

/** One row per building; bands as columns, disciplines in one cell. */
export function monitorCsv(report: MunicipalityMonitorReport): Buffer {
  const bandCodes = [...new Set(report.buildings.flatMap((building) => building.bands.map((band) => band.code)))].sort();
  const rows = report.buildings.map((building) => {
    const bands = Object.fromEntries(
      bandCodes.flatMap((code) => {
        const band = building.bands.find((entry) => entry.code === code);
        return [
          [`band${code}Tenants`, band ? count(band.tenants) : '0'],
          [`band${code}AreaM2`, band?.areaM2 ?? 0],
        ];
      }),
    );
    return {
      city: report.city,
      period: report.period,
      buildingId: building.buildingId,
      name: building.name,
      kind: building.kind,
      useEnd: building.useEnd ?? '',
      lettableAreaM2: building.lettableAreaM2,
      letAreaM2: building.letAreaM2,
      occupancyRate: building.occupancyRate,
      spaces: building.spaces,
      spacesLet: building.spacesLet,
      tenants: count(building.tenants),
      localTenants: count(building.localTenants),
      waitingList: count(building.waitingList),
      municipalInvestmentCents: building.municipalInvestmentCents,
      ...bands,
      disciplines: building.disciplines.map((discipline) => `${discipline.name}: ${count(discipline.tenants)}`).join('; '),
    };
  });
  const columns = [
    'city',
    'period',
    'buildingId',
    'name',
    'kind',
    'useEnd',
    'lettableAreaM2',
    'letAreaM2',
    'occupancyRate',
    'spaces',
    'spacesLet',
    'tenants',
    'localTenants',
    'waitingList',
    'municipalInvestmentCents',
    ...bandCodes.flatMap((code) => [`band${code}Tenants`, `band${code}AreaM2`]),
    'disciplines',
  ];
  return Buffer.from(stringify(rows, { header: true, columns }));
}

function keyFigures(doc: PDFKit.PDFDocument, figures: [string, string][]): void {
  for (const [label, value] of figures) {
    const y = doc.y;
    doc.font('regular').fontSize(11).text(label, PAGE.margin, y, { width: 260 });
    doc.font('bold').text(value, PAGE.margin + 260, y, { width: 200, align: 'right' });
  }
  doc.font('regular').fontSize(10);
}

export function ownerReportPdf(report: OwnerOccupancyReport): Promise<Buffer> {
  return renderPdf(
    { title: `Bezettingsrapport ${report.name} ${report.period}`, author: 'Broedplaats', date: report.generatedOn },
    (doc) => {
      doc.font('bold').fontSize(18).text('Bezetting en huur tegenover rente');
      doc
        .font('regular')
        .fontSize(12)
        .text(
          `${report.name} · periode ${report.period} · stand per ${dutchDate(report.asOf)} · gemaakt op ${dutchDate(report.generatedOn)}`,
          {
            width: CONTENT_WIDTH,
          },
        );
      doc.moveDown();
      keyFigures(doc, [
        ['Verhuurbaar vloeroppervlak', squareMetres(report.lettableAreaM2)],
        ['Verhuurd', squareMetres(report.letAreaM2)],
        ['Leegstand', squareMetres(report.vacantAreaM2)],
        ['Bezettingsgraad', percentage(report.occupancyRate)],
        ['Huuropbrengst', euros(report.rentIncomeCents)],
        ['Rentelasten', euros(report.interestCostCents)],
        ['Saldo', euros(report.balanceCents)],
        ['Huurcontracten na einde hoofdhuur', count(report.leasesEndingAfterHeadLease)],
      ]);
      doc.moveDown();
      drawTable(
        doc,
        [
          { header: 'Verdieping', width: 80 },
          { header: 'Verhuurbaar', width: 110, align: 'right' },
          { header: 'Verhuurd', width: 110, align: 'right' },
          { header: 'Leeg', width: 110, align: 'right' },
          { header: 'Bezetting', width: 85, align: 'right' },
        ],
        report.floors.map((floor) => [
          String(floor.level),
          squareMetres(floor.lettableAreaM2),
          squareMetres(floor.letAreaM2),
          squareMetres(sumAreas([floor.lettableAreaM2, -floor.letAreaM2])),
          percentage(ratio(floor.letAreaM2, floor.lettableAreaM2)),
        ]),
      );
      doc.moveDown();
      drawBarChart(
        doc,
        'Bezetting per verdieping (verhuurd van verhuurbaar m²)',
        report.floors.map((floor) => ({
          label: `Verdieping ${floor.level}`,
          value: floor.letAreaM2,
          outOf: floor.lettableAreaM2,
          caption: `${squareMetres(floor.letAreaM2)} van ${squareMetres(floor.lettableAreaM2)}`,
        })),
      );
    },
  );
}

export function monitorPdf(report: MunicipalityMonitorReport): Promise<Buffer> {
  return renderPdf(
    { title: `Broedplaatsmonitor ${report.city} ${report.period}`, author: 'Broedplaats', date: report.generatedOn },
    (doc) => {
      const totals = report.totals;
      doc.font('bold').fontSize(18).text(`Broedplaatsmonitor ${report.city}`);
      doc
        .font('regular')
        .fontSize(12)
        .text(
          `Periode ${report.period} · stand per ${dutchDate(report.asOf)} · gemaakt op ${dutchDate(report.generatedOn)} · aantallen onder 5 personen als <5`,
          { width: CONTENT_WIDTH },
        );
      doc.moveDown();
      keyFigures(doc, [
        ['Broedplaatsen', String(totals.buildings)],
        ['Verhuurbaar vloeroppervlak', squareMetres(totals.lettableAreaM2)],
        ['Bezetting (m²)', percentage(totals.occupancyRate)],
        ['Werkruimtes', `${totals.spacesLet} van ${totals.spaces} verhuurd`],
        ['Huurders', count(totals.tenants)],
        ['Huurders uit de buurt', count(totals.localTenants)],
        ['Wachtlijst (personen)', count(totals.waitingList)],
        ['Gemeentelijke investering', `${euros(totals.municipalInvestmentCents)} (${euros(totals.municipalInvestmentPerM2Cents)} per m²)`],
      ]);
      doc.moveDown();
      drawBarChart(
        doc,
        'Bezetting per broedplaats (m²)',
        report.buildings.map((building) => ({
          label: building.name,
          value: building.letAreaM2,
          outOf: building.lettableAreaM2,
          caption: percentage(building.occupancyRate),
        })),
      );
      for (const building of report.buildings) {
        doc.addPage();
        doc.font('bold').fontSize(14).text(building.name);
        doc
          .font('regular')
          .fontSize(10)
          .text(`${building.kind === 'temporary' ? `Tijdelijk, tot ${building.useEnd ? dutchDate(building.useEnd) : '—'}` : 'Permanent'}`);
        doc.moveDown(0.5);
        drawTable(
          doc,
          [
            { header: 'Kengetal', width: 250 },
            { header: 'Waarde', width: 245, align: 'right' },
          ],
          [
            ['Verhuurbaar / verhuurd', `${squareMetres(building.lettableAreaM2)} / ${squareMetres(building.letAreaM2)}`],
            ['Bezetting (m²)', percentage(building.occupancyRate)],
            ['Werkruimtes verhuurd', `${building.spacesLet} van ${building.spaces} (${percentage(building.spaceOccupancyRate)})`],
            ['Huurders', count(building.tenants)],
            ['Huurders uit de buurt', count(building.localTenants)],
            ['Wachtlijst (personen)', count(building.waitingList)],
            ['Gemeentelijke investering', euros(building.municipalInvestmentCents)],
            ...building.bands.map((band): string[] => [
              `Tarief ${band.code}`,
              `${count(band.tenants)} huurders, ${squareMetres(band.areaM2)}`,
            ]),
            ...building.disciplines.map((discipline): string[] => [
              `Discipline ${discipline.name}`,
              `${count(discipline.tenants)} huurders`,
            ]),
          ],
        );
        doc.moveDown();
        drawBarChart(
          doc,
          'm² per tarief',
          building.bands.map((band) => ({
            label: `Tarief ${band.code}`,
            value: band.areaM2,
            caption: `${squareMetres(band.areaM2)} · ${count(band.tenants)} huurders`,
          })),
        );
      }
    },
  );
}
