import { Injectable } from '@nestjs/common';
import { SYSTEM_PRINCIPAL } from '../common/auth/principal.js';
import { Clock } from '../common/clock/clock.js';
import { addMonths } from '../common/dates.js';
import { PropertiesService } from '../modules/properties/properties.service.js';
import { VacancyFilesService } from '../modules/properties/vacancy-files.service.js';

/** Where the file of each demo office stands today. */
type DemoStage = 'just-vacant' | 'report-due' | 'reported' | 'consulted';

/** Empty offices around the Volkskrantgebouw (Wibautstraat, Amsterdam-Oost), one in each stage of the vacancy file. */
const DEMO_OFFICES: {
  address: string;
  postcode: string;
  latitude: number;
  longitude: number;
  floors: [number, number][];
  monthsVacant: number;
  stage: DemoStage;
}[] = [
  {
    address: 'Wibautstraat 135',
    postcode: '1091 GL',
    latitude: 52.35428,
    longitude: 4.91186,
    floors: [
      [0, 420],
      [1, 650],
      [2, 650],
    ],
    monthsVacant: 1,
    stage: 'just-vacant',
  },
  {
    address: 'Wibautstraat 129',
    postcode: '1091 GL',
    latitude: 52.35461,
    longitude: 4.91143,
    floors: [
      [0, 380],
      [1, 540],
    ],
    monthsVacant: 7,
    stage: 'report-due',
  },
  {
    address: 'Wibautstraat 3',
    postcode: '1091 GH',
    latitude: 52.35955,
    longitude: 4.90747,
    floors: [
      [0, 900],
      [1, 1200],
      [2, 1200],
      [3, 1200],
    ],
    monthsVacant: 9,
    stage: 'reported',
  },
  {
    address: 'Mauritskade 55',
    postcode: '1092 AD',
    latitude: 52.36101,
    longitude: 4.91465,
    floors: [
      [0, 300],
      [1, 300],
    ],
    monthsVacant: 14,
    stage: 'consulted',
  },
];

/**
 * The vacancy part of the demo: the offices registered for the demo's owner, their vacancies recorded,
 * the clock run for today, and the reports and consultation the later stages need, all through the
 * services, so the files are exactly what the pages and the API would have made.
 */
@Injectable()
export class DemoVacancies {
  constructor(
    private readonly properties: PropertiesService,
    private readonly files: VacancyFilesService,
    private readonly clock: Clock,
  ) {}

  async load(ownerId: string): Promise<void> {
    const today = this.clock.today();
    const periods: { id: string; stage: DemoStage }[] = [];
    for (const office of DEMO_OFFICES) {
      const { property } = await this.properties.create(
        {
          name: office.address,
          address: office.address,
          postcode: office.postcode,
          city: 'Amsterdam',
          district: 'Oost',
          useCategory: 'office',
          energyLabel: 'D',
          fireSafety: office.stage === 'just-vacant' ? 'unknown' : 'works-needed',
          ownerId,
          // Just vacant: on the public list; reported: offered to the umbrellas whose profile fits (Urban Resort's does).
          publication: office.stage === 'just-vacant' ? 'public' : office.stage === 'reported' ? 'matching' : 'internal',
          latitude: office.latitude,
          longitude: office.longitude,
          floors: office.floors.map(([level, totalM2]) => ({ level, totalM2, vacantM2: totalM2 })),
        },
        SYSTEM_PRINCIPAL,
      );
      const period = await this.properties.openVacancy(
        property.id,
        {
          vacantSince: addMonths(today, -office.monthsVacant),
          reason: office.stage === 'consulted' ? 'redevelopment' : 'no-tenant',
          ownerProspects: 'Verhuur gezocht; tijdelijk gebruik bespreekbaar',
          availableFrom: addMonths(today, 2),
          availableUntil: addMonths(today, 62),
        },
        SYSTEM_PRINCIPAL,
      );
      periods.push({ id: period.id, stage: office.stage });
    }
    await this.files.markDue(today);
    for (const period of periods.filter(({ stage }) => stage === 'reported' || stage === 'consulted')) {
      const { record } = await this.files.file(period.id, SYSTEM_PRINCIPAL);
      await this.files.fileReport(
        period.id,
        {
          vacantSince: record.openVacancy!.vacantSince,
          reason: record.openVacancy!.reason,
          prospects: 'Herontwikkeling tot woningen over vijf jaar; tot dan tijdelijk gebruik welkom',
          floors: record.floors.map((floor) => ({ level: floor.level, vacantM2: floor.vacantM2 })),
        },
        SYSTEM_PRINCIPAL,
      );
      if (period.stage === 'consulted') {
        await this.files.recordConsultation(
          period.id,
          {
            heldOn: today,
            parties: 'Stadgenoot, Bureau Broedplaatsen, stadsdeel Oost',
            outcome: 'Beide verdiepingen beschikbaar voor een broedplaats',
            nextStep: 'Uitvraag onder de koepels',
          },
          SYSTEM_PRINCIPAL,
        );
      }
    }
  }
}
