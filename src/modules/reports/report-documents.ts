import { stringify } from 'csv-stringify/sync';
import { ratio, sumAreas } from '../../common/measures.js';
import { drawBarChart } from '../../pdf/chart.js';
import { CONTENT_WIDTH, drawTable, PAGE, renderPdf } from '../../pdf/document.js';
import { dutchDate, euros, percentage, squareMetres } from '../../pdf/dutch-format.js';
import type { BuildingMonitorFigures, MonitorTimeAccount, MonitorTotals, PeopleCount } from './aggregates.js';
import { inertCells } from './inert-text.js';
import type { VacancyPipeline } from '../properties/pipeline.js';

export interface OwnerOccupancyReport {
  buildingId: string;
  name: string;
  ownerName: string;
  period: string;
  asOf: string;
  generatedOn: string;
  lettableAreaM2: number;
  letAreaM2: number;
  vacantAreaM2: number;
  occupancyRate: number;
  /** The floors that are still broedplaats; those that left are listed apart, not counted as vacant. */
  floors: { level: number; lettableAreaM2: number; letAreaM2: number }[];
  floorsLeft: { level: number; areaM2: number; leftOn: string }[];
  rentIncomeCents: number;
  interestCostCents: number;
  balanceCents: number;
  investments: { party: string; description: string; amountCents: number; date: string }[];
  /** Leases, not people: the owner needs the exact number. */
  leasesEndingAfterHeadLease: number;
}

export interface MunicipalityMonitorReport {
  city: string;
  period: string;
  asOf: string;
  generatedOn: string;
  totals: MonitorTotals;
  buildings: BuildingMonitorFigures[];
  /** The city's totals at the end of each of the twelve months up to the period's end, oldest first. */
  trend: MonitorTrendPoint[];
  /** The time account of the double balance over the period: approved hours, the people behind them, the programme. */
  timeAccount: MonitorTimeAccount;
}

export interface MonitorTrendPoint {
  period: string;
  lettableAreaM2: number;
  letAreaM2: number;
  occupancyRate: number;
  tenants: PeopleCount;
}

const count = (value: PeopleCount) => String(value);
const area = (value: number | null) => (value === null ? 'm² afgeschermd' : squareMetres(value));

/** The contract's JSON, with the building's and the owner's name: no tenant names, e-mails or individual rents. */
export function ownerReportJson(report: OwnerOccupancyReport): Buffer {
  const { name, asOf: _asOf, ...figures } = report;
  return Buffer.from(JSON.stringify({ ...figures, buildingName: name }, null, 2));
}

export function monitorJson(report: MunicipalityMonitorReport): Buffer {
  const { asOf: _asOf, generatedOn: _generatedOn, ...figures } = report;
  return Buffer.from(JSON.stringify(figures, null, 2));
}

/**
 * RFC 4180: CRLF between records, fields quoted when they hold a comma, a quote or a line break. Every text
 * cell is made inert here, so no column of any report can reach a spreadsheet as a formula.
 */
function csv(rows: Record<string, unknown>[], columns: string[]): Buffer {
  return Buffer.from(stringify(rows.map(inertCells), { header: true, columns, record_delimiter: 'windows' }));
}

/**
 * One row per floor, the floors that left the broedplaats marked as such; the building's name and
 * its finance figures on every row, so that each row stands on its own in a spreadsheet.
 */
export function ownerReportCsv(report: OwnerOccupancyReport): Buffer {
  const building = {
    buildingId: report.buildingId,
    buildingName: report.name,
    ownerName: report.ownerName,
    period: report.period,
    generatedOn: report.generatedOn,
    buildingRentIncomeCents: report.rentIncomeCents,
    buildingInterestCostCents: report.interestCostCents,
    buildingBalanceCents: report.balanceCents,
  };
  const rows = [
    ...report.floors.map((floor) => ({
      ...building,
      level: floor.level,
      status: 'broedplaats',
      lettableAreaM2: floor.lettableAreaM2,
      letAreaM2: floor.letAreaM2,
      vacantAreaM2: sumAreas([floor.lettableAreaM2, -floor.letAreaM2]),
      occupancyRate: ratio(floor.letAreaM2, floor.lettableAreaM2),
      leftOn: '',
    })),
    ...report.floorsLeft.map((floor) => ({
      ...building,
      level: floor.level,
      status: 'left',
      lettableAreaM2: floor.areaM2,
      letAreaM2: '',
      vacantAreaM2: '',
      occupancyRate: '',
      leftOn: floor.leftOn,
    })),
  ];
  return csv(rows, [
    'buildingId',
    'buildingName',
    'ownerName',
    'period',
    'generatedOn',
    'level',
    'status',
    'lettableAreaM2',
    'letAreaM2',
    'vacantAreaM2',
    'occupancyRate',
    'leftOn',
    'buildingRentIncomeCents',
    'buildingInterestCostCents',
    'buildingBalanceCents',
  ]);
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
          [`band${code}AreaM2`, band ? (band.areaM2 ?? '') : 0],
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
  return csv(rows, columns);
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
      doc.font('regular').fontSize(12).text(`Eigenaar: ${report.ownerName}`);
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
        ['Geen broedplaats meer', squareMetres(sumAreas(report.floorsLeft.map((floor) => floor.areaM2)))],
        ['Bezettingsgraad', percentage(report.occupancyRate)],
        ['Huuropbrengst', euros(report.rentIncomeCents)],
        ['Rentelasten', euros(report.interestCostCents)],
        ['Saldo', euros(report.balanceCents)],
        ['Huurcontracten na einde hoofdhuur', String(report.leasesEndingAfterHeadLease)],
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
      if (report.floorsLeft.length > 0) {
        doc.moveDown();
        doc.font('bold').fontSize(11).text('Verdiepingen die geen broedplaats meer zijn');
        doc.font('regular').fontSize(10);
        drawTable(
          doc,
          [
            { header: 'Verdieping', width: 80 },
            { header: 'Oppervlak', width: 110, align: 'right' },
            { header: 'Geen broedplaats sinds', width: 150, align: 'right' },
          ],
          report.floorsLeft.map((floor) => [String(floor.level), squareMetres(floor.areaM2), dutchDate(floor.leftOn)]),
        );
      }
      doc.moveDown();
      doc.font('bold').fontSize(11).text('Investeringen');
      doc.font('regular').fontSize(10);
      if (report.investments.length === 0) doc.text('Geen investeringen tot en met deze periode.');
      else
        drawTable(
          doc,
          [
            { header: 'Datum', width: 80 },
            { header: 'Partij', width: 150 },
            { header: 'Omschrijving', width: 165 },
            { header: 'Bedrag', width: 100, align: 'right' },
          ],
          report.investments.map((investment) => [
            dutchDate(investment.date),
            investment.party,
            investment.description,
            euros(investment.amountCents),
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
          `Periode ${report.period} · stand per ${dutchDate(report.asOf)} · gemaakt op ${dutchDate(report.generatedOn)} · aantallen onder 5 personen als <5, en zo nodig nog een aantal, zodat geen klein aantal uit een totaal is af te leiden`,
          { width: CONTENT_WIDTH },
        );
      doc.moveDown();
      keyFigures(doc, [
        ['Broedplaatsen', String(totals.buildings)],
        ['Verhuurbaar vloeroppervlak', squareMetres(totals.lettableAreaM2)],
        ['Bezetting (m²)', percentage(totals.occupancyRate)],
        ['Werkruimtes', `${count(totals.spacesLet)} van ${totals.spaces} verhuurd`],
        ['Huurders', count(totals.tenants)],
        ['Huurders uit de buurt', count(totals.localTenants)],
        ['Wachtlijst (personen)', count(totals.waitingList)],
        ['Gemeentelijke investering', `${euros(totals.municipalInvestmentCents)} (${euros(totals.municipalInvestmentPerM2Cents)} per m²)`],
        [
          'Vrijwillige uren (goedgekeurd)',
          report.timeAccount.totals.hours === null ? '<5 personen' : `${String(report.timeAccount.totals.hours).replace('.', ',')} uur`,
        ],
        ['Personen achter de uren', count(report.timeAccount.totals.people)],
        ['Activiteiten / bezoekers', `${report.timeAccount.totals.events} / ${report.timeAccount.totals.visitors}`],
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
      doc.moveDown();
      drawBarChart(
        doc,
        'Bezetting van de stad, laatste twaalf maanden (m²)',
        report.trend.map((point) => ({
          label: point.period,
          value: point.letAreaM2,
          outOf: point.lettableAreaM2,
          caption: `${percentage(point.occupancyRate)} · ${count(point.tenants)} huurders`,
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
            [
              'Werkruimtes verhuurd',
              building.spaceOccupancyRate === null
                ? `${count(building.spacesLet)} van ${building.spaces}`
                : `${count(building.spacesLet)} van ${building.spaces} (${percentage(building.spaceOccupancyRate)})`,
            ],
            ['Huurders', count(building.tenants)],
            ['Huurders uit de buurt', count(building.localTenants)],
            ['Wachtlijst (personen)', count(building.waitingList)],
            ['Gemeentelijke investering', euros(building.municipalInvestmentCents)],
            ...building.bands.map((band): string[] => [`Tarief ${band.code}`, `${count(band.tenants)} huurders, ${area(band.areaM2)}`]),
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
          building.bands.flatMap(({ code, tenants, areaM2 }) =>
            areaM2 === null
              ? []
              : [{ label: `Tarief ${code}`, value: areaM2, caption: `${squareMetres(areaM2)} · ${count(tenants)} huurders` }],
          ),
        );
      }
    },
  );
}

/** A building's tenants with overdue invoices on a day: names them, so for the umbrella's staff only. */
export interface ArrearsReport {
  buildingId: string;
  buildingName: string;
  period: string;
  asOf: string;
  generatedOn: string;
  totalOpenCents: number;
  tenants: ArrearsReportRow[];
}

export interface ArrearsReportRow {
  tenantName: string;
  /** The due date of the tenant's oldest overdue invoice. */
  overdueSince: string;
  invoices: number;
  openCents: number;
  /** The highest reminder step sent (1 first reminder, 2 second, 3 final notice). */
  lastStep: number | null;
  /** The status of the arrangement the invoices are under, the active one first. */
  arrangement: string | null;
}

const STEP_LABELS: Record<number, string> = { 1: 'eerste herinnering', 2: 'tweede herinnering', 3: 'aanmaning' };
const ARRANGEMENT_LABELS: Record<string, string> = {
  active: 'loopt',
  completed: 'voldaan',
  broken: 'niet nagekomen',
  cancelled: 'beëindigd',
};

export function arrearsJson(report: ArrearsReport): Buffer {
  return Buffer.from(JSON.stringify(report, null, 2));
}

export function arrearsCsv(report: ArrearsReport): Buffer {
  const rows = report.tenants.map((tenant) => ({
    buildingName: report.buildingName,
    asOf: report.asOf,
    tenantName: tenant.tenantName,
    overdueSince: tenant.overdueSince,
    invoices: tenant.invoices,
    openCents: tenant.openCents,
    lastStep: tenant.lastStep ?? '',
    arrangement: tenant.arrangement ?? '',
  }));
  return csv(rows, ['buildingName', 'asOf', 'tenantName', 'overdueSince', 'invoices', 'openCents', 'lastStep', 'arrangement']);
}

export function arrearsPdf(report: ArrearsReport): Promise<Buffer> {
  return renderPdf(
    { title: `Achterstanden ${report.buildingName} ${report.period}`, author: 'Broedplaats', date: report.generatedOn },
    (doc) => {
      doc.font('bold').fontSize(18).text(`Achterstanden ${report.buildingName}`);
      doc
        .font('regular')
        .fontSize(12)
        .text(`stand per ${dutchDate(report.asOf)} · gemaakt op ${dutchDate(report.generatedOn)}`, { width: CONTENT_WIDTH });
      doc.moveDown();
      keyFigures(doc, [
        ['Huurders met achterstand', String(report.tenants.length)],
        ['Openstaand', euros(report.totalOpenCents)],
      ]);
      doc.moveDown();
      drawTable(
        doc,
        [
          { header: 'Huurder', width: 135 },
          { header: 'Achterstand sinds', width: 80 },
          { header: 'Facturen', width: 50, align: 'right' },
          { header: 'Openstaand', width: 80, align: 'right' },
          { header: 'Laatste stap', width: 75 },
          { header: 'Regeling', width: 75 },
        ],
        report.tenants.map((tenant) => [
          tenant.tenantName,
          dutchDate(tenant.overdueSince),
          String(tenant.invoices),
          euros(tenant.openCents),
          tenant.lastStep === null ? '—' : STEP_LABELS[tenant.lastStep]!,
          tenant.arrangement === null ? '—' : ARRANGEMENT_LABELS[tenant.arrangement]!,
        ]),
      );
    },
  );
}

/** A time figure as the reader may see it: `<5` people and withheld hours where fewer than five people stand behind it. */
export interface ShownTime {
  key: string;
  hours: number | null;
  people: number | '<5';
  valueCents: number | null;
}

/** The double balance of a building or a city, as the report files show it: money, time and the time's value apart. */
export interface DoubleBalanceReport {
  scope: 'building' | 'city';
  subject: string;
  period: string;
  generatedOn: string;
  detail: 'exact' | 'masked';
  rentInvoicedCents: number;
  money: { party: string; role: string; inCents: number; outCents: number }[];
  ownerBooksWithheld: boolean;
  timeTotal: ShownTime;
  timeByKind: ShownTime[];
  events: { events: number; visitors: number; free: number; paid: number };
  valueCents: number | null;
  hourlyValues: { validFrom: string; centsPerHour: number }[];
  /** For a city: each building's time and programme. */
  buildings: { name: string; time: ShownTime; events: number; visitors: number }[];
}

const TIME_KIND_LABELS: Record<string, string> = {
  building: 'Gebouw',
  communication: 'Communicatie',
  security: 'Beveiliging',
  logistics: 'Logistiek',
  public_programme: 'Publieksprogramma',
  neighbourhood: 'Buurt',
  other: 'Overig',
};

const ROLE_LABELS: Record<string, string> = {
  tenants: 'Huurders',
  umbrella: 'Koepelhuurder',
  owner: 'Eigenaar',
  municipality: 'Gemeente',
  subsidy_source: 'Subsidiegever',
  other: 'Overig',
};

const shownHours = (cell: ShownTime) => (cell.hours === null ? '<5 personen' : `${String(cell.hours).replace('.', ',')} uur`);
const shownValue = (cell: ShownTime) => (cell.valueCents === null ? '—' : euros(cell.valueCents));

export function doubleBalanceJson(report: DoubleBalanceReport): Buffer {
  return Buffer.from(JSON.stringify(report, null, 2));
}

/** One row per line of the balance: `account` money, time or value, so the accounts stay apart in a spreadsheet too. */
export function doubleBalanceCsv(report: DoubleBalanceReport): Buffer {
  const base = { subject: report.subject, period: report.period };
  const rows = [
    ...report.money.map((row) => ({
      ...base,
      account: 'money',
      item: row.role,
      name: row.party,
      inCents: row.inCents,
      outCents: row.outCents,
      hours: '',
      people: '',
      valueCents: '',
    })),
    ...[report.timeTotal, ...report.timeByKind].map((cell) => ({
      ...base,
      account: 'time',
      item: cell.key,
      name: '',
      inCents: '',
      outCents: '',
      hours: cell.hours ?? '',
      people: cell.people,
      valueCents: cell.valueCents ?? '',
    })),
    {
      ...base,
      account: 'events',
      item: 'events',
      name: '',
      inCents: '',
      outCents: '',
      hours: '',
      people: report.events.visitors,
      valueCents: '',
    },
  ];
  return csv(rows, ['subject', 'period', 'account', 'item', 'name', 'inCents', 'outCents', 'hours', 'people', 'valueCents']);
}

export function doubleBalancePdf(report: DoubleBalanceReport): Promise<Buffer> {
  return renderPdf(
    { title: `Dubbele balans ${report.subject} ${report.period}`, author: 'Broedplaats', date: report.generatedOn },
    (doc) => {
      doc.font('bold').fontSize(18).text(`Dubbele balans ${report.subject}`);
      doc
        .font('regular')
        .fontSize(12)
        .text(
          `Periode ${report.period} · gemaakt op ${dutchDate(report.generatedOn)}${
            report.detail === 'masked' ? ' · aantallen onder 5 personen als <5, de uren erachter afgeschermd' : ''
          }`,
          { width: CONTENT_WIDTH },
        );
      doc.moveDown();
      doc.font('bold').fontSize(14).text('Geld');
      doc.moveDown(0.3);
      drawTable(
        doc,
        [
          { header: 'Partij', width: 200 },
          { header: 'Rol', width: 95 },
          { header: 'In', width: 100, align: 'right' },
          { header: 'Uit', width: 100, align: 'right' },
        ],
        report.money.map((row) => [row.party, ROLE_LABELS[row.role] ?? row.role, euros(row.inCents), euros(row.outCents)]),
      );
      doc
        .font('regular')
        .fontSize(10)
        .text(`Gefactureerde huur: ${euros(report.rentInvoicedCents)}`);
      if (report.ownerBooksWithheld) doc.text('Huur en rente van eigenaren die u niet mag inzien zijn weggelaten.');
      doc.moveDown();
      doc.font('bold').fontSize(14).text('Tijd');
      doc.moveDown(0.3);
      keyFigures(doc, [
        ['Goedgekeurde uren', shownHours(report.timeTotal)],
        ['Personen', String(report.timeTotal.people)],
        ['Activiteiten', `${report.events.events} (${report.events.free} gratis, ${report.events.paid} betaald)`],
        ['Bezoekers', String(report.events.visitors)],
      ]);
      doc.moveDown(0.5);
      drawTable(
        doc,
        [
          { header: 'Soort werk', width: 195 },
          { header: 'Uren', width: 100, align: 'right' },
          { header: 'Personen', width: 100, align: 'right' },
          { header: 'Waarde', width: 100, align: 'right' },
        ],
        report.timeByKind.map((cell) => [TIME_KIND_LABELS[cell.key] ?? cell.key, shownHours(cell), String(cell.people), shownValue(cell)]),
      );
      doc.moveDown();
      drawBarChart(
        doc,
        'Uren per soort werk',
        report.timeByKind.flatMap((cell) =>
          cell.hours === null || cell.hours === 0
            ? []
            : [{ label: TIME_KIND_LABELS[cell.key] ?? cell.key, value: cell.hours, caption: shownHours(cell) }],
        ),
      );
      doc.moveDown();
      doc.font('bold').fontSize(14).text('Waarde van de tijd (niet opgeteld bij het geld)');
      doc.moveDown(0.3);
      keyFigures(doc, [
        ['Uren gewaardeerd', report.valueCents === null ? '—' : euros(report.valueCents)],
        ...report.hourlyValues.map((value): [string, string] => [
          `Uurwaarde vanaf ${dutchDate(value.validFrom)}`,
          euros(value.centsPerHour),
        ]),
      ]);
      if (report.buildings.length > 0) {
        doc.addPage();
        doc.font('bold').fontSize(14).text('Per broedplaats');
        doc.moveDown(0.3);
        drawTable(
          doc,
          [
            { header: 'Broedplaats', width: 175 },
            { header: 'Uren', width: 90, align: 'right' },
            { header: 'Personen', width: 70, align: 'right' },
            { header: 'Activiteiten', width: 70, align: 'right' },
            { header: 'Bezoekers', width: 90, align: 'right' },
          ],
          report.buildings.map((row) => [
            row.name,
            shownHours(row.time),
            String(row.time.people),
            String(row.events),
            String(row.visitors),
          ]),
        );
        doc.moveDown();
        drawBarChart(
          doc,
          'Bezoekers per broedplaats',
          report.buildings.map((row) => ({ label: row.name, value: row.visitors, caption: String(row.visitors) })),
        );
      }
    },
  );
}

const STATUS_LABELS: Record<string, string> = {
  let: 'in gebruik',
  open: 'leeg',
  'report-due': 'melding verplicht',
  reported: 'gemeld',
  consulted: 'overleg gevoerd',
  decided: 'besloten',
};

export function pipelineJson(report: VacancyPipeline): Buffer {
  return Buffer.from(JSON.stringify(report, null, 2));
}

/** One row per district and state, then per district and vacancy age; the city-wide rows under district "". */
export function pipelineCsv(report: VacancyPipeline): Buffer {
  const rows = [...report.districts, report.total].flatMap((district) => [
    ...district.byStatus.map((count) => ({
      city: report.city,
      asOf: report.asOf,
      district: district.district,
      measure: 'status',
      group: count.status,
      properties: count.properties,
      vacantM2: count.vacantM2,
    })),
    ...district.byAge.map((count) => ({
      city: report.city,
      asOf: report.asOf,
      district: district.district,
      measure: 'vacancy-age-months',
      group: count.bucket,
      properties: count.properties,
      vacantM2: count.vacantM2,
    })),
  ]);
  return csv(rows, ['city', 'asOf', 'district', 'measure', 'group', 'properties', 'vacantM2']);
}

export function pipelinePdf(report: VacancyPipeline): Promise<Buffer> {
  return renderPdf(
    { title: `Leegstandspijplijn ${report.city} ${report.period}`, author: 'Broedplaats', date: report.generatedOn },
    (doc) => {
      doc.font('bold').fontSize(18).text(`Leegstandspijplijn ${report.city}`);
      doc
        .font('regular')
        .fontSize(12)
        .text(`${report.period} · stand per ${dutchDate(report.asOf)} · gemaakt op ${dutchDate(report.generatedOn)}`, {
          width: CONTENT_WIDTH,
        });
      doc.moveDown();
      keyFigures(doc, [
        [
          'Mediaan dagen leegstand tot hoofdhuur',
          report.medianDaysVacancyToHeadLease === null ? '—' : String(report.medianDaysVacancyToHeadLease),
        ],
        ['m² met hoofdhuur die binnen 18 maanden eindigt', squareMetres(report.m2AtRiskWithin18Months)],
      ]);
      doc.moveDown();
      drawTable(
        doc,
        [
          { header: 'Stadsdeel', width: 120 },
          { header: 'Status', width: 130 },
          { header: 'Panden', width: 60, align: 'right' },
          { header: 'Leeg (m²)', width: 90, align: 'right' },
        ],
        [...report.districts, report.total].flatMap((district) =>
          district.byStatus.map((count) => [
            district.district === '' ? 'Hele stad' : district.district,
            STATUS_LABELS[count.status] ?? count.status,
            String(count.properties),
            squareMetres(count.vacantM2),
          ]),
        ),
      );
      doc.moveDown();
      drawTable(
        doc,
        [
          { header: 'Leegstand (maanden)', width: 150 },
          { header: 'Panden', width: 60, align: 'right' },
          { header: 'Leeg (m²)', width: 90, align: 'right' },
        ],
        report.total.byAge.map((count) => [count.bucket, String(count.properties), squareMetres(count.vacantM2)]),
      );
      doc.moveDown();
      drawTable(
        doc,
        [
          { header: 'Jaar', width: 60 },
          { header: 'Aangeboden', width: 90, align: 'right' },
          { header: 'Omgezet', width: 90, align: 'right' },
        ],
        report.perYear.map((year) => [String(year.year), String(year.offered), String(year.converted)]),
      );
    },
  );
}
