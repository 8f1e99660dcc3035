import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { EMBEDDED_DEMO_ADMIN } from '../modules/auth/auth.config.js';
import { Building } from '../modules/buildings/building.entity.js';
import { Floor } from '../modules/floors/floor.entity.js';
import { Organisation } from '../modules/organisations/organisation.entity.js';
import { Space } from '../modules/spaces/space.entity.js';
import { hashPassword } from '../modules/users/password.js';
import { User } from '../modules/users/user.entity.js';
import { SYSTEM_PRINCIPAL } from '../common/auth/principal.js';
import {
  AllocationTenant,
  Application,
  ApplicationEvent,
  ApplicationMember,
  ApplicationPreferredFloor,
  ApplicationReview,
  ApplicationRound,
  ApplicationRoundFloor,
  FloorAllocation,
} from '../modules/applications/application.entity.js';
import { InvoiceRunsService } from '../modules/invoices/invoice-runs.service.js';
import { InvoicesService } from '../modules/invoices/invoices.service.js';
import { Lease } from '../modules/leases/lease.entity.js';
import { LeaseRevision } from '../modules/leases/lease-revision.entity.js';
import { BandAssessment } from '../modules/rent-bands/band-assessment.entity.js';
import { assessmentValidUntil, chooseBand, DEFAULT_BANDS, monthlyRentCents } from '../modules/rent-bands/rent.js';
import { Tenant } from '../modules/tenants/tenant.entity.js';
import { ExecuteHandoverService } from '../modules/handovers/execute-handover.service.js';
import { HandoversService } from '../modules/handovers/handovers.service.js';
import { OwnerFinanceService } from '../modules/owner-finance/owner-finance.service.js';
import { UsersService } from '../modules/users/users.service.js';
import {
  DEMO_BUILDING,
  DEMO_FINANCE,
  DEMO_FLOORS,
  DEMO_GROUPS,
  DEMO_INVOICE_PERIODS,
  DEMO_ORGANISATIONS,
  DEMO_ROUND,
  DEMO_SALE,
  DEMO_USERS,
  type DemoLease,
  demoLeases,
  demoSpaces,
} from './volkskrantgebouw.js';

/** Any number that no other advisory lock of this app uses. */
const DEMO_LOCK = 726_301;

/**
 * Loads the Volkskrantgebouw into an empty database at boot, before the API answers: all of it in one
 * transaction, so a failed load leaves nothing behind and the next boot tries again.
 */
@Injectable()
export class DemoDataService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoData');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly invoiceRuns: InvoiceRunsService,
    private readonly invoices: InvoicesService,
    private readonly users: UsersService,
    private readonly finance: OwnerFinanceService,
    private readonly handovers: HandoversService,
    private readonly executeHandover: ExecuteHandoverService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.app.demoData) return;
    // The selection committee's scores are the first admin's.
    await this.users.ensureFirstAdmin();
    const buildingId = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [DEMO_LOCK]);
      if ((await manager.count(Building)) > 0 || (await manager.count(Organisation)) > 0) return null;
      this.logger.log('loading the Volkskrantgebouw demo');
      return this.load(manager);
    });
    if (buildingId === null) return;
    await this.loadInvoices(buildingId);
    await this.loadFinanceAndSale(buildingId);
    this.logger.log({ message: 'loaded the Volkskrantgebouw demo data' });
  }

  /** The owner's finance, and the 2011 sale (queued like any handover; its notices dated as they were). */
  private async loadFinanceAndSale(buildingId: string): Promise<void> {
    const [owner, municipality, buyer] = await Promise.all(
      [DEMO_ORGANISATIONS.owner, DEMO_ORGANISATIONS.municipality, DEMO_ORGANISATIONS.buyer].map(async ({ name }) => {
        const [row] = await this.dataSource.query<{ id: string }[]>(`SELECT id FROM organisation WHERE name = $1`, [name]);
        return row!.id;
      }),
    );
    const partyIds = { owner: owner!, municipality: municipality! };
    await this.finance.put(
      buildingId,
      {
        ...DEMO_FINANCE,
        investments: DEMO_FINANCE.investments.map(({ party, ...investment }) => ({ ...investment, partyId: partyIds[party] })),
      },
      SYSTEM_PRINCIPAL,
    );
    const floors = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM floor WHERE building_id = $1 AND level = ANY($2) ORDER BY level`,
      [buildingId, DEMO_SALE.retainedLevels],
    );
    const { handover } = await this.handovers.start(
      buildingId,
      { newOwnerId: buyer!, transferDate: DEMO_SALE.transferDate, retainedFloorIds: floors.map((floor) => floor.id) },
      SYSTEM_PRINCIPAL,
      { noticeDate: DEMO_SALE.noticeDate },
    );
    // The demo is whole before /health answers: carry the sale out here rather than wait for a worker
    // (the queued job then finds it done; executing is idempotent).
    await this.executeHandover.execute(handover!.id);
  }

  /**
   * October and November 2011, issued on the first of the month, through the real invoicing: the
   * October invoices are paid, most of November's (some in part). The PDFs follow from the queue.
   */
  private async loadInvoices(buildingId: string): Promise<void> {
    for (const period of DEMO_INVOICE_PERIODS) await this.invoiceRuns.issueDated(buildingId, period, `${period}-01`);
    for (const [index, invoice] of (
      await this.invoices.list({ buildingId }, { limit: 1000, offset: 0 }, SYSTEM_PRINCIPAL)
    ).items.entries()) {
      const share = invoice.period === DEMO_INVOICE_PERIODS[0] ? 1 : index % 3 === 0 ? 0 : index % 10 === 1 ? 0.5 : 1;
      if (share === 0) continue;
      await this.invoices.recordPayment(
        invoice.id,
        { amountCents: Math.round(invoice.totalCents * share), paidOn: `${invoice.period}-05`, reference: 'demo' },
        SYSTEM_PRINCIPAL,
      );
    }
  }

  /** Loads everything but the invoices; returns the building's id. */
  private async load(manager: EntityManager): Promise<string> {
    const organisations = {} as Record<keyof typeof DEMO_ORGANISATIONS, Organisation>;
    for (const [key, values] of Object.entries(DEMO_ORGANISATIONS) as [keyof typeof DEMO_ORGANISATIONS, Organisation][]) {
      organisations[key] = await manager.save(manager.create(Organisation, values));
    }
    const building = await manager.save(
      manager.create(Building, {
        ...DEMO_BUILDING,
        ownerId: organisations.owner.id,
        umbrellaId: organisations.umbrella.id,
        ownerSince: null,
      }),
    );
    const floors = await manager.save(DEMO_FLOORS.map((floor) => manager.create(Floor, { ...floor, buildingId: building.id })));
    const floorIdByLevel = new Map(floors.map((floor) => [floor.level, floor.id]));
    const spaces = await manager.save(
      demoSpaces().map(({ level, ...space }) =>
        manager.create(Space, { ...space, floorId: floorIdByLevel.get(level)!, buildingId: building.id }),
      ),
      { chunk: 100 },
    );
    const tenantIdByEmail = await this.loadLeases(manager, building, new Map(spaces.map((space) => [space.code, space])));
    await this.loadApplications(manager, building.id, new Map(floors.map((floor) => [floor.level, floor.id])), tenantIdByEmail);

    // Demo accounts share the documented demo password, so they exist only with the embedded database.
    if (this.config.database.kind !== 'embedded') return building.id;
    const passwordHash = await hashPassword(EMBEDDED_DEMO_ADMIN.password);
    await manager.insert(
      User,
      DEMO_USERS.map(({ organisation, tenantEmail, ...user }) => ({
        ...user,
        passwordHash,
        organisationId: organisation ? organisations[organisation].id : null,
        tenantId: tenantEmail ? tenantIdByEmail.get(tenantEmail)! : null,
      })),
    );
    return building.id;
  }

  /**
   * The 2007 round: each winning group's members are the makers who rent on its floor; waitlisted
   * groups keep their rank. Scored by the first admin for the selection committee.
   */
  private async loadApplications(
    manager: EntityManager,
    buildingId: string,
    floorIdByLevel: Map<number, string>,
    tenantIdByEmail: Map<string, string>,
  ): Promise<void> {
    const [admin] = await manager.query<{ id: string }[]>(`SELECT id FROM app_user WHERE role = 'admin' ORDER BY created_at LIMIT 1`);
    const round = await manager.save(manager.create(ApplicationRound, { ...DEMO_ROUND, buildingId }));
    await manager.insert(
      ApplicationRoundFloor,
      [...floorIdByLevel.values()].map((floorId) => ({ roundId: round.id, floorId })),
    );
    const makersByLevel = new Map<number, DemoLease[]>();
    for (const lease of demoLeases()) {
      const level = Number(lease.spaceCode.split('.')[0]);
      makersByLevel.set(level, [...(makersByLevel.get(level) ?? []), lease]);
    }
    for (const [index, group] of DEMO_GROUPS.entries()) {
      const submittedAt = new Date(Date.UTC(2007, 2, 1 + index));
      const application = await manager.save(
        manager.create(Application, {
          roundId: round.id,
          groupName: group.name,
          plan: group.plan,
          status: group.level === null ? 'waitlisted' : 'allocated',
          contactUserId: admin!.id,
          submittedAt,
        }),
      );
      await manager.insert(
        ApplicationPreferredFloor,
        group.wants.map((level, position) => ({
          applicationId: application.id,
          floorId: floorIdByLevel.get(level)!,
          position: position + 1,
        })),
      );
      const members =
        group.level === null
          ? [1, 2, 3].map((n) => ({
              name: `${group.name} lid ${n}`,
              email: `${group.name.toLowerCase().replace(/[^a-z]+/g, '-')}-${n}@demo.example`,
              discipline: 'muziek',
              postcode: '1093 KX',
              requestedAreaM2: 30,
            }))
          : (makersByLevel.get(group.level) ?? []).map((lease) => ({ ...lease.tenant, requestedAreaM2: 30 }));
      await manager.insert(
        ApplicationMember,
        members.map((member) => ({ ...member, applicationId: application.id })),
      );
      await manager.insert(ApplicationReview, { applicationId: application.id, reviewerId: admin!.id, score: group.score, notes: null });
      await manager.insert(ApplicationEvent, [
        { applicationId: application.id, fromStatus: null, toStatus: 'draft', byUserId: admin!.id },
        { applicationId: application.id, fromStatus: 'draft', toStatus: 'submitted', byUserId: admin!.id },
        {
          applicationId: application.id,
          fromStatus: 'submitted',
          toStatus: group.level === null ? 'waitlisted' : 'allocated',
          byUserId: admin!.id,
        },
      ]);
      if (group.level === null) continue;
      const allocation = await manager.save(
        manager.create(FloorAllocation, {
          floorId: floorIdByLevel.get(group.level)!,
          applicationId: application.id,
          allocatedOn: '2007-04-15',
          releasedOn: null,
        }),
      );
      await manager.insert(
        AllocationTenant,
        members.map((member) => ({ allocationId: allocation.id, tenantId: tenantIdByEmail.get(member.email)! })),
      );
    }
  }

  /** Makers, their band assessments (the income chooses the band and is dropped) and their leases. */
  private async loadLeases(manager: EntityManager, building: Building, spaceByCode: Map<string, Space>): Promise<Map<string, string>> {
    const demo = demoLeases();
    const tenants = await manager.save(
      demo.map((lease) => manager.create(Tenant, { ...lease.tenant, kvkNumber: null, vatNumber: null, address: null })),
      { chunk: 100 },
    );
    const assessments = demo.flatMap((lease, index) =>
      lease.incomes.map(({ basisYear, incomeCents }) => {
        const band = chooseBand(DEFAULT_BANDS, incomeCents);
        return {
          tenantId: tenants[index]!.id,
          buildingId: building.id,
          bandCode: band.code,
          ratePerM2YearCents: band.ratePerM2YearCents,
          basisYear,
          validUntil: assessmentValidUntil(basisYear),
          assessedBy: null,
        };
      }),
    );
    await manager.insert(BandAssessment, assessments);
    const leases = await manager.save(
      demo.map((lease, index) => {
        const space = spaceByCode.get(lease.spaceCode)!;
        const band = chooseBand(DEFAULT_BANDS, lease.incomes[0]!.incomeCents);
        return manager.create(Lease, {
          tenantId: tenants[index]!.id,
          spaceId: space.id,
          buildingId: building.id,
          startDate: lease.startDate,
          endDate: lease.endDate,
          noticeMonths: space.publicCounter ? 12 : 1,
          bandCode: band.code,
          ratePerM2YearCents: band.ratePerM2YearCents,
          areaM2: space.areaM2,
          serviceChargeMonthlyCents: lease.serviceChargeMonthlyCents,
          depositCents: 3 * monthlyRentCents(space.areaM2, band.ratePerM2YearCents),
          vatRegime: 'exempt' as const,
          taxableUsePercent: null,
          smallBusinessScheme: null,
          noticeGivenOn: null,
          terminationReason: null,
        });
      }),
      { chunk: 100 },
    );
    await manager.insert(
      LeaseRevision,
      leases.map((lease) => ({
        leaseId: lease.id,
        effectiveDate: lease.startDate,
        bandCode: lease.bandCode,
        ratePerM2YearCents: lease.ratePerM2YearCents,
        reason: 'signing' as const,
        indexationId: null,
      })),
    );
    return new Map(tenants.map((tenant) => [tenant.email, tenant.id]));
  }
}
