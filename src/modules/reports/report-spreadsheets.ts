import type ExcelJS from 'exceljs';
import { ratio, sumAreas } from '../../common/measures.js';
import { inertText } from './inert-text.js';
import type { ArrearsReport, DoubleBalanceReport, MunicipalityMonitorReport, OwnerOccupancyReport } from './report-documents.js';
import type { VacancyPipeline } from '../properties/pipeline.js';

type Cell = string | number | Date | null;

interface Column {
  header: string;
  width?: number;
  /** How the number shows; Excel applies the reader's own separators (Dutch Excel: € 1.234,56). */
  format?: 'euro' | 'area' | 'percent' | 'date' | 'count';
}

const FORMATS = { euro: '"€" #,##0.00', area: '#,##0.00', percent: '0.0%', date: 'dd-mm-yyyy', count: '0' } as const;

const euro = (cents: number) => cents / 100;
const day = (date: string) => new Date(`${date}T00:00:00Z`);

/** One sheet per table: a bold header row, then the rows; text is made inert, numbers stay numbers. */
function addSheet(workbook: ExcelJS.Workbook, name: string, columns: Column[], rows: Cell[][]): void {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = columns.map((column) => ({
    header: column.header,
    width: column.width ?? Math.max(12, column.header.length + 2),
    style: column.format ? { numFmt: FORMATS[column.format] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? inertText(cell) : cell)));
}

/** Label and value per row, for a report's key figures; each value keeps its own number format. */
function addKeyFigures(workbook: ExcelJS.Workbook, name: string, figures: [string, Cell, Column['format']?][]): void {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = [
    { header: 'Kengetal', width: 36 },
    { header: 'Waarde', width: 28 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const [label, value, format] of figures) {
    const row = sheet.addRow([label, typeof value === 'string' ? inertText(value) : value]);
    if (format) row.getCell(2).numFmt = FORMATS[format];
  }
}

/** ExcelJS is loaded on the first spreadsheet, not at boot: it is the biggest package the app loads. */
async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import('exceljs');
  return new excel.Workbook();
}

async function finish(workbook: ExcelJS.Workbook, generatedOn: string): Promise<Buffer> {
  workbook.creator = 'Broedplaats';
  workbook.created = day(generatedOn);
  workbook.modified = day(generatedOn);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function ownerReportXlsx(report: OwnerOccupancyReport): Promise<Buffer> {
  const workbook = await newWorkbook();
  addKeyFigures(workbook, 'Overzicht', [
    ['Pand', report.name],
    ['Eigenaar', report.ownerName],
    ['Periode', report.period],
    ['Stand per', day(report.asOf), 'date'],
    ['Gemaakt op', day(report.generatedOn), 'date'],
    ['Verhuurbaar vloeroppervlak (m²)', report.lettableAreaM2, 'area'],
    ['Verhuurd (m²)', report.letAreaM2, 'area'],
    ['Leegstand (m²)', report.vacantAreaM2, 'area'],
    ['Geen broedplaats meer (m²)', sumAreas(report.floorsLeft.map((floor) => floor.areaM2)), 'area'],
    ['Bezettingsgraad', report.occupancyRate, 'percent'],
    ['Huuropbrengst', euro(report.rentIncomeCents), 'euro'],
    ['Rentelasten', euro(report.interestCostCents), 'euro'],
    ['Saldo', euro(report.balanceCents), 'euro'],
    ['Huurcontracten na einde hoofdhuur', report.leasesEndingAfterHeadLease, 'count'],
  ]);
  addSheet(
    workbook,
    'Verdiepingen',
    [
      { header: 'Verdieping', format: 'count' },
      { header: 'Verhuurbaar (m²)', format: 'area' },
      { header: 'Verhuurd (m²)', format: 'area' },
      { header: 'Leeg (m²)', format: 'area' },
      { header: 'Bezetting', format: 'percent' },
    ],
    report.floors.map((floor) => [
      floor.level,
      floor.lettableAreaM2,
      floor.letAreaM2,
      sumAreas([floor.lettableAreaM2, -floor.letAreaM2]),
      ratio(floor.letAreaM2, floor.lettableAreaM2),
    ]),
  );
  addSheet(
    workbook,
    'Geen broedplaats meer',
    [
      { header: 'Verdieping', format: 'count' },
      { header: 'Oppervlak (m²)', format: 'area' },
      { header: 'Geen broedplaats sinds', format: 'date', width: 24 },
    ],
    report.floorsLeft.map((floor) => [floor.level, floor.areaM2, day(floor.leftOn)]),
  );
  addSheet(
    workbook,
    'Investeringen',
    [
      { header: 'Datum', format: 'date' },
      { header: 'Partij', width: 30 },
      { header: 'Omschrijving', width: 36 },
      { header: 'Bedrag', format: 'euro' },
    ],
    report.investments.map((investment) => [day(investment.date), investment.party, investment.description, euro(investment.amountCents)]),
  );
  return finish(workbook, report.generatedOn);
}

export async function monitorXlsx(report: MunicipalityMonitorReport): Promise<Buffer> {
  const workbook = await newWorkbook();
  const totals = report.totals;
  addKeyFigures(workbook, 'Totaal', [
    ['Stad', report.city],
    ['Periode', report.period],
    ['Stand per', day(report.asOf), 'date'],
    ['Gemaakt op', day(report.generatedOn), 'date'],
    ['Broedplaatsen', totals.buildings, 'count'],
    ['Verhuurbaar vloeroppervlak (m²)', totals.lettableAreaM2, 'area'],
    ['Verhuurd (m²)', totals.letAreaM2, 'area'],
    ['Bezetting (m²)', totals.occupancyRate, 'percent'],
    ['Werkruimtes', totals.spaces, 'count'],
    ['Werkruimtes verhuurd', totals.spacesLet, 'count'],
    ['Huurders', totals.tenants, 'count'],
    ['Huurders uit de buurt', totals.localTenants, 'count'],
    ['Wachtlijst (personen)', totals.waitingList, 'count'],
    ['Gemeentelijke investering', euro(totals.municipalInvestmentCents), 'euro'],
    ['Gemeentelijke investering per m²', euro(totals.municipalInvestmentPerM2Cents), 'euro'],
  ]);
  addSheet(
    workbook,
    'Broedplaatsen',
    [
      { header: 'Broedplaats', width: 30 },
      { header: 'Soort' },
      { header: 'Einde gebruik', format: 'date' },
      { header: 'Verhuurbaar (m²)', format: 'area' },
      { header: 'Verhuurd (m²)', format: 'area' },
      { header: 'Bezetting', format: 'percent' },
      { header: 'Werkruimtes', format: 'count' },
      { header: 'Werkruimtes verhuurd', format: 'count' },
      { header: 'Huurders', format: 'count' },
      { header: 'Huurders uit de buurt', format: 'count' },
      { header: 'Wachtlijst', format: 'count' },
      { header: 'Gemeentelijke investering', format: 'euro' },
    ],
    report.buildings.map((building) => [
      building.name,
      building.kind === 'temporary' ? 'tijdelijk' : 'permanent',
      building.useEnd ? day(building.useEnd) : null,
      building.lettableAreaM2,
      building.letAreaM2,
      building.occupancyRate,
      building.spaces,
      building.spacesLet,
      building.tenants,
      building.localTenants,
      building.waitingList,
      euro(building.municipalInvestmentCents),
    ]),
  );
  addSheet(
    workbook,
    'Tarieven',
    [
      { header: 'Broedplaats', width: 30 },
      { header: 'Tarief' },
      { header: 'Huurders', format: 'count' },
      { header: 'Oppervlak (m²)', format: 'area' },
    ],
    report.buildings.flatMap((building) => building.bands.map((band): Cell[] => [building.name, band.code, band.tenants, band.areaM2])),
  );
  addSheet(
    workbook,
    'Disciplines',
    [
      { header: 'Broedplaats', width: 30 },
      { header: 'Discipline', width: 24 },
      { header: 'Huurders', format: 'count' },
    ],
    report.buildings.flatMap((building) =>
      building.disciplines.map((discipline): Cell[] => [building.name, discipline.name, discipline.tenants]),
    ),
  );
  addSheet(
    workbook,
    'Trend',
    [
      { header: 'Maand' },
      { header: 'Verhuurbaar (m²)', format: 'area' },
      { header: 'Verhuurd (m²)', format: 'area' },
      { header: 'Bezetting', format: 'percent' },
      { header: 'Huurders', format: 'count' },
    ],
    report.trend.map((point) => [point.period, point.lettableAreaM2, point.letAreaM2, point.occupancyRate, point.tenants]),
  );
  return finish(workbook, report.generatedOn);
}

export async function arrearsXlsx(report: ArrearsReport): Promise<Buffer> {
  const workbook = await newWorkbook();
  addKeyFigures(workbook, 'Overzicht', [
    ['Pand', report.buildingName],
    ['Stand per', day(report.asOf), 'date'],
    ['Huurders met achterstand', report.tenants.length, 'count'],
    ['Openstaand', euro(report.totalOpenCents), 'euro'],
  ]);
  addSheet(
    workbook,
    'Achterstanden',
    [
      { header: 'Huurder', width: 30 },
      { header: 'Achterstand sinds', format: 'date' },
      { header: 'Facturen', format: 'count' },
      { header: 'Openstaand', format: 'euro' },
      { header: 'Laatste stap', format: 'count' },
      { header: 'Regeling' },
    ],
    report.tenants.map((tenant) => [
      tenant.tenantName,
      day(tenant.overdueSince),
      tenant.invoices,
      euro(tenant.openCents),
      tenant.lastStep,
      tenant.arrangement,
    ]),
  );
  return finish(workbook, report.generatedOn);
}

/** Money, time and the time's value on sheets of their own: the value is never a money column. */
export async function doubleBalanceXlsx(report: DoubleBalanceReport): Promise<Buffer> {
  const workbook = await newWorkbook();
  addKeyFigures(workbook, 'Overzicht', [
    ['Dubbele balans', report.subject],
    ['Periode', report.period],
    ['Gefactureerde huur', euro(report.rentInvoicedCents), 'euro'],
    ['Goedgekeurde uren', report.timeTotal.hours ?? '<5 personen'],
    ['Personen', report.timeTotal.people],
    ['Activiteiten', report.events.events, 'count'],
    ['Bezoekers', report.events.visitors, 'count'],
    ['Waarde van de uren', report.valueCents === null ? '—' : euro(report.valueCents), 'euro'],
  ]);
  addSheet(
    workbook,
    'Geld',
    [{ header: 'Partij', width: 30 }, { header: 'Rol' }, { header: 'In', format: 'euro' }, { header: 'Uit', format: 'euro' }],
    report.money.map((row) => [row.party, row.role, euro(row.inCents), euro(row.outCents)]),
  );
  addSheet(
    workbook,
    'Tijd',
    [{ header: 'Soort werk', width: 20 }, { header: 'Uren' }, { header: 'Personen' }, { header: 'Waarde', format: 'euro' }],
    report.timeByKind.map((cell) => [
      cell.key,
      cell.hours ?? '<5 personen',
      cell.people,
      cell.valueCents === null ? null : euro(cell.valueCents),
    ]),
  );
  addSheet(
    workbook,
    'Uurwaarde',
    [
      { header: 'Vanaf', format: 'date' },
      { header: 'Per uur', format: 'euro' },
    ],
    report.hourlyValues.map((value) => [day(value.validFrom), euro(value.centsPerHour)]),
  );
  if (report.buildings.length > 0)
    addSheet(
      workbook,
      'Per broedplaats',
      [
        { header: 'Broedplaats', width: 30 },
        { header: 'Uren' },
        { header: 'Personen' },
        { header: 'Activiteiten', format: 'count' },
        { header: 'Bezoekers', format: 'count' },
      ],
      report.buildings.map((row) => [row.name, row.time.hours ?? '<5 personen', row.time.people, row.events, row.visitors]),
    );
  return finish(workbook, report.generatedOn);
}

export async function pipelineXlsx(report: VacancyPipeline): Promise<Buffer> {
  const workbook = await newWorkbook();
  addKeyFigures(workbook, 'Overzicht', [
    ['Gemeente', report.city],
    ['Periode', report.period],
    ['Stand per', day(report.asOf), 'date'],
    ['Mediaan dagen leegstand tot hoofdhuur', report.medianDaysVacancyToHeadLease, 'count'],
    ['m² met hoofdhuur die binnen 18 maanden eindigt', report.m2AtRiskWithin18Months, 'area'],
  ]);
  const districts = [...report.districts, report.total];
  addSheet(
    workbook,
    'Per status',
    [
      { header: 'Stadsdeel', width: 20 },
      { header: 'Status', width: 20 },
      { header: 'Panden', format: 'count' },
      { header: 'Leeg (m²)', format: 'area' },
    ],
    districts.flatMap((district) =>
      district.byStatus.map((count) => [district.district || 'Hele stad', count.status, count.properties, count.vacantM2]),
    ),
  );
  addSheet(
    workbook,
    'Per leegstandsduur',
    [
      { header: 'Stadsdeel', width: 20 },
      { header: 'Maanden', width: 12 },
      { header: 'Panden', format: 'count' },
      { header: 'Leeg (m²)', format: 'area' },
    ],
    districts.flatMap((district) =>
      district.byAge.map((count) => [district.district || 'Hele stad', count.bucket, count.properties, count.vacantM2]),
    ),
  );
  addSheet(
    workbook,
    'Per jaar',
    [
      { header: 'Jaar', format: 'count' },
      { header: 'Aangeboden', format: 'count' },
      { header: 'Omgezet', format: 'count' },
    ],
    report.perYear.map((year) => [year.year, year.offered, year.converted]),
  );
  return finish(workbook, report.generatedOn);
}
