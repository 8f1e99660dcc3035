import { stringify } from 'csv-stringify/sync';
import { inertCells } from '../reports/inert-text.js';
import { type PropertyRecord, totalM2Of, vacantM2Of } from './properties.service.js';
import { monthsBetween } from './vacancy-clock.js';

const COLUMNS = [
  'id',
  'name',
  'address',
  'postcode',
  'city',
  'district',
  'useCategory',
  'ownerId',
  'publication',
  'totalM2',
  'vacantM2',
  'status',
  'vacantSince',
  'monthsVacant',
  'reason',
  'availableFrom',
  'availableUntil',
] as const;

/** Every text cell made inert for spreadsheets, whichever column it is in. */
function rowsOf(records: readonly PropertyRecord[], today: string): Record<(typeof COLUMNS)[number], string | number>[] {
  return records.map(({ property, floors, openVacancy }) =>
    inertCells({
      id: property.id,
      name: property.name,
      address: property.address,
      postcode: property.postcode ?? '',
      city: property.city,
      district: property.district ?? '',
      useCategory: property.useCategory,
      ownerId: property.ownerId,
      publication: property.publication,
      totalM2: totalM2Of(floors),
      vacantM2: vacantM2Of(floors),
      status: openVacancy?.status ?? 'let',
      vacantSince: openVacancy?.vacantSince ?? '',
      monthsVacant: openVacancy ? monthsBetween(openVacancy.vacantSince, today) : '',
      reason: openVacancy?.reason ?? '',
      availableFrom: openVacancy?.availableFrom ?? '',
      availableUntil: openVacancy?.availableUntil ?? '',
    }),
  );
}

/** The register as CSV: one row per property with its open vacancy, text made inert for spreadsheets. */
export function propertiesCsv(records: readonly PropertyRecord[], today: string): Buffer {
  return Buffer.from(stringify(rowsOf(records, today), { header: true, columns: [...COLUMNS], record_delimiter: 'windows' }));
}

export async function propertiesXlsx(records: readonly PropertyRecord[], today: string): Promise<Buffer> {
  // Loaded with the first spreadsheet, not at boot (see report-spreadsheets.ts).
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  workbook.creator = 'Broedplaats';
  const sheet = workbook.addWorksheet('Panden');
  sheet.columns = COLUMNS.map((column) => ({ header: column, key: column, width: Math.max(12, column.length + 2) }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rowsOf(records, today)) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface GeoJsonFeatureCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    geometry: { type: 'Point'; coordinates: [number, number] };
    properties: Record<string, string | number | null>;
  }[];
}

/** A map layer of the properties that have coordinates; `describe` picks what each point says. */
export function propertiesGeoJson(
  records: readonly PropertyRecord[],
  describe: (record: PropertyRecord) => Record<string, string | number | null>,
): GeoJsonFeatureCollection {
  return {
    type: 'FeatureCollection',
    features: records
      .filter(({ property }) => property.latitude !== null && property.longitude !== null)
      .map((record) => ({
        type: 'Feature',
        // GeoJSON is longitude first (RFC 7946).
        geometry: { type: 'Point', coordinates: [record.property.longitude!, record.property.latitude!] },
        properties: describe(record),
      })),
  };
}
