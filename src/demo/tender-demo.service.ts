import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type Principal, SYSTEM_PRINCIPAL } from '../common/auth/principal.js';
import { addDays } from '../common/dates.js';
import { OrganisationsService } from '../modules/organisations/organisations.service.js';
import { PropertiesService } from '../modules/properties/properties.service.js';
import { SearchProfilesService } from '../modules/search-profiles/search-profiles.service.js';
import { AwardTenderService } from '../modules/tenders/award-tender.service.js';
import type { SubmitProposalDto } from '../modules/tenders/dto/tender.dto.js';
import { TendersService } from '../modules/tenders/tenders.service.js';

const CRITERIA = [
  { name: 'Artistieke visie en mix van makers', weight: 40 },
  { name: 'Huur voor makers en de eigenaar', weight: 35 },
  { name: 'Wat het gebouw de buurt geeft', weight: 25 },
];

/**
 * Two empty offices near the Volkskrantgebouw, put out to tender by their owner: one tender in
 * progress (open, proposals from two umbrellas, sealed), one scored by the reviewers and awarded, which
 * converted its property into a building with draft floors ready for a first application round. Loaded
 * through the services, after the Volkskrantgebouw; its dates are relative to today.
 */
@Injectable()
export class TenderDemoService {
  private readonly logger = new Logger('DemoData');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly properties: PropertiesService,
    private readonly profiles: SearchProfilesService,
    private readonly tenders: TendersService,
    private readonly awards: AwardTenderService,
  ) {}

  async load(today: string): Promise<void> {
    const idOf = async (name: string) =>
      (await this.dataSource.query<{ id: string }[]>('SELECT id FROM organisation WHERE name = $1', [name]))[0]!.id;
    const owner = await idOf('Stadgenoot');
    const urbanResort = await idOf('Stichting Urban Resort');
    const oost = (
      await this.organisations.create({ name: 'Stichting Broedplaats Oost', kind: 'umbrella', city: 'Amsterdam' }, SYSTEM_PRINCIPAL)
    ).id;
    const [admin] = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE role = 'admin' AND organisation_id IS NULL ORDER BY created_at LIMIT 1`,
    );
    const reviewer: Principal = { userId: admin!.id, role: 'admin', organisationId: null, tenantId: null };
    for (const umbrellaId of [urbanResort, oost]) {
      await this.profiles.create(
        {
          umbrellaId,
          name: 'Kantoren in Oost, vijf jaar of langer',
          minimumYears: 5,
          minM2: 2000,
          maxM2: 12000,
          districts: ['Oost'],
          buildingTypes: ['office'],
          maxRentPerM2YearCents: 5000,
          ownInvestmentCents: umbrellaId === urbanResort ? 20_000_000 : 5_000_000,
        },
        SYSTEM_PRINCIPAL,
      );
    }

    const office = async (name: string, address: string, postcode: string, floors: number[]) => {
      const { property } = await this.properties.create(
        {
          name,
          address,
          postcode,
          city: 'Amsterdam',
          district: 'Oost',
          useCategory: 'office',
          ownerId: owner,
          floors: floors.map((totalM2, level) => ({ level, totalM2, vacantM2: totalM2 })),
        },
        SYSTEM_PRINCIPAL,
      );
      await this.properties.openVacancy(
        property.id,
        {
          vacantSince: addDays(today, -400),
          reason: 'redevelopment',
          ownerProspects: 'Woningbouw over acht jaar',
          availableFrom: addDays(today, 60),
          availableUntil: addDays(today, 8 * 365 + 60),
        },
        SYSTEM_PRINCIPAL,
      );
      return property.id;
    };
    const proposal = (rentToOwnerYearCents: number, termYears: number, vision: string): SubmitProposalDto => ({
      vision,
      rentToOwnerYearCents,
      makerRentsPerM2YearCents: [6000, 8000, 11000],
      termYears,
      ownInvestmentCents: 10_000_000,
      programme: 'Open ateliers op zaterdag, een buurtcafé, cursussen en spreekuren voor de buurt',
    });

    // In progress: open for another month, two sealed proposals.
    const open = await this.tenders.create(
      {
        propertyId: await office('Parool-gebouw', 'Wibautstraat 131', '1091 GL', [1200, 1800, 1800]),
        title: 'Uitvraag Parool-gebouw',
        closesOn: addDays(today, 30),
        criteria: CRITERIA,
        reviewerIds: [reviewer.userId],
      },
      SYSTEM_PRINCIPAL,
    );
    await this.tenders.submit(
      open.tender.id,
      { ...proposal(30_000_000, 7, 'Drukkerij voor makers'), umbrellaId: urbanResort },
      SYSTEM_PRINCIPAL,
    );
    await this.tenders.submit(open.tender.id, { ...proposal(26_000_000, 6, 'Werkplaatsen voor Oost'), umbrellaId: oost }, SYSTEM_PRINCIPAL);

    // Converted: closed yesterday (the demo moves its closing day back), scored and awarded.
    const done = await this.tenders.create(
      {
        propertyId: await office('Trouw-gebouw', 'Wibautstraat 127', '1091 GL', [1500, 2500, 2500]),
        title: 'Uitvraag Trouw-gebouw',
        closesOn: today,
        criteria: CRITERIA,
        reviewerIds: [reviewer.userId],
        zoningDeviation: true,
      },
      SYSTEM_PRINCIPAL,
    );
    const won = await this.tenders.submit(
      done.tender.id,
      { ...proposal(45_000_000, 7, 'Een tweede Volkskrantgebouw'), umbrellaId: urbanResort },
      SYSTEM_PRINCIPAL,
    );
    const lost = await this.tenders.submit(
      done.tender.id,
      { ...proposal(38_000_000, 5, 'Ateliers en oefenruimtes'), umbrellaId: oost },
      SYSTEM_PRINCIPAL,
    );
    await this.dataSource.query('UPDATE tender SET closes_on = $2 WHERE id = $1', [done.tender.id, addDays(today, -1)]);
    await this.tenders.review(won.id, { scores: [8, 7, 8].map((score, i) => ({ criterion: i + 1, score })) }, reviewer);
    await this.tenders.review(lost.id, { scores: [7, 6, 6].map((score, i) => ({ criterion: i + 1, score })) }, reviewer);
    await this.awards.award(
      done.tender.id,
      {
        motivations: [{ proposalId: lost.id, motivation: 'Sterk programma, maar een lagere score op visie en een kortere looptijd' }],
        buildingName: 'Trouw-gebouw',
        invoicePrefix: 'TRW',
        useStart: addDays(today, 60),
        ownerInvestmentCents: 15_000_000,
      },
      SYSTEM_PRINCIPAL,
    );
    this.logger.log({ message: 'loaded the demo tenders' });
  }
}
