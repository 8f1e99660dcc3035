import { randomBytes } from 'node:crypto';
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
import { Clock } from '../common/clock/clock.js';
import { addDays } from '../common/dates.js';
import {
  AllocationTenant,
  Application,
  ApplicationEvent,
  ApplicationMember,
  ApplicationPreferredFloor,
  ApplicationReview,
  ApplicationRound,
  ApplicationRoundFloor,
  type ApplicationStatus,
  FloorAllocation,
  FloorOffer,
} from '../modules/applications/application.entity.js';
import { InvoiceRunsService } from '../modules/invoices/invoice-runs.service.js';
import { InvoicesService } from '../modules/invoices/invoices.service.js';
import { Lease } from '../modules/leases/lease.entity.js';
import { Mandate, MandateCounter } from '../modules/direct-debit/mandate.entity.js';
import { generatedMandateReference } from '../modules/direct-debit/mandates.service.js';
import { LeaseRevision } from '../modules/leases/lease-revision.entity.js';
import { BandAssessment } from '../modules/rent-bands/band-assessment.entity.js';
import { assessmentValidUntil, chooseBand, DEFAULT_BANDS, monthlyRentCents } from '../modules/rent-bands/rent.js';
import { Tenant } from '../modules/tenants/tenant.entity.js';
import { ExecuteHandoverService } from '../modules/handovers/execute-handover.service.js';
import { HandoversService } from '../modules/handovers/handovers.service.js';
import { DunningService } from '../modules/dunning/dunning.service.js';
import { OwnerFinanceService } from '../modules/owner-finance/owner-finance.service.js';
import { UsersService } from '../modules/users/users.service.js';
import { TenderDemoService } from './tender-demo.service.js';
import { DemoVacancies } from './demo-vacancies.js';
import {
  DEMO_APPLICANTS,
  DEMO_BUILDING,
  DEMO_FLOORS,
  DEMO_FREED_LEVELS,
  DEMO_GROUPS,
  DEMO_OPEN_STUDIOS,
  DEMO_ORGANISATIONS,
  DEMO_PROGRAMME,
  DEMO_SALE,
  DEMO_SUBSIDIES,
  DEMO_TENANT_EMAIL,
  DEMO_USERS,
  DEMO_WORKING_GROUPS,
  type DemoLease,
  type DemoPerson,
  type DemoTimeline,
  demoApplicantMembers,
  demoFinance,
  demoLeases,
  demoPayer,
  demoSpaces,
  demoTimeline,
} from './volkskrantgebouw.js';

/** Any number that no other advisory lock of this app uses. */
const DEMO_LOCK = 726_301;

type Member = DemoPerson & { requestedAreaM2: number };

/**
 * Loads the Volkskrantgebouw into an empty database at boot, before the API answers: all of it in one
 * transaction, so a failed load leaves nothing behind and the next boot tries again. The story is
 * dated relative to the day it is loaded (`demoTimeline`), so the building is in use today.
 */
@Injectable()
export class DemoDataService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoData');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly invoiceRuns: InvoiceRunsService,
    private readonly invoices: InvoicesService,
    private readonly users: UsersService,
    private readonly finance: OwnerFinanceService,
    private readonly handovers: HandoversService,
    private readonly dunning: DunningService,
    private readonly executeHandover: ExecuteHandoverService,
    private readonly tenderDemo: TenderDemoService,
    private readonly vacancies: DemoVacancies,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.app.demoData) return;
    // The selection committee's scores are the first admin's.
    await this.users.ensureFirstAdmin();
    const timeline = demoTimeline(this.clock.today());
    const buildingId = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [DEMO_LOCK]);
      if ((await manager.count(Building)) > 0 || (await manager.count(Organisation)) > 0) return null;
      this.logger.log('loading the Volkskrantgebouw demo');
      return this.load(manager, timeline);
    });
    if (buildingId === null) return;
    const [first, ...afterSale] = timeline.invoicePeriods;
    await this.invoiceRuns.issueDated(buildingId, first!, `${first!}-01`);
    await this.loadFinanceAndSale(buildingId, timeline);
    for (const period of afterSale) await this.invoiceRuns.issueDated(buildingId, period, `${period}-01`);
    await this.loadPayments(buildingId, timeline);
    await this.loadTimeAccount(buildingId, timeline);
    // The day's reminders ran at boot before the demo existed; its overdue invoices get theirs now.
    await this.dunning.sendDue();
    await this.tenderDemo.load(this.clock.today());
    const [owner] = await this.dataSource.query<{ id: string }[]>(`SELECT id FROM organisation WHERE name = $1`, [
      DEMO_ORGANISATIONS.owner.name,
    ]);
    await this.vacancies.load(owner!.id);
    this.logger.log({ message: 'loaded the Volkskrantgebouw demo data' });
  }

  /** The owner's finance, and the sale two months back (queued like any handover; its notices dated as they were). */
  private async loadFinanceAndSale(buildingId: string, timeline: DemoTimeline): Promise<void> {
    const [owner, municipality, buyer] = await Promise.all(
      [DEMO_ORGANISATIONS.owner, DEMO_ORGANISATIONS.municipality, DEMO_ORGANISATIONS.buyer].map(async ({ name }) => {
        const [row] = await this.dataSource.query<{ id: string }[]>(`SELECT id FROM organisation WHERE name = $1`, [name]);
        return row!.id;
      }),
    );
    const partyIds = { owner: owner!, municipality: municipality! };
    const finance = demoFinance(timeline);
    await this.finance.put(
      buildingId,
      { ...finance, investments: finance.investments.map(({ party, ...investment }) => ({ ...investment, partyId: partyIds[party] })) },
      SYSTEM_PRINCIPAL,
    );
    const floors = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM floor WHERE building_id = $1 AND level = ANY($2) ORDER BY level`,
      [buildingId, DEMO_SALE.retainedLevels],
    );
    const { handover } = await this.handovers.start(
      buildingId,
      { newOwnerId: buyer!, transferDate: timeline.transferDate, retainedFloorIds: floors.map((floor) => floor.id) },
      SYSTEM_PRINCIPAL,
      { noticeDate: timeline.noticeDate },
    );
    // The demo is whole before /health answers: carry the sale out here rather than wait for a worker
    // (the queued job then finds it done; executing is idempotent).
    await this.executeHandover.execute(handover!.id);
  }

  /**
   * Payments through the real invoicing, never dated after today: most makers pay on the fifth; the
   * late payers paid the invoice before the sale weeks late and owe the later ones (overdue); a few
   * paid last month's in part; this month's is paid by two in three so far.
   */
  private async loadPayments(buildingId: string, timeline: DemoTimeline): Promise<void> {
    const [beforeSale, , lastMonth, thisMonth] = timeline.invoicePeriods;
    const invoices = await this.dataSource.query<{ id: string; period: string; total_cents: number; email: string }[]>(
      `SELECT i.id, i.period, i.total_cents, t.email FROM invoice i JOIN tenant t ON t.id = i.tenant_id
        WHERE i.building_id = $1 AND i.kind = 'invoice' ORDER BY i.number`,
      [buildingId],
    );
    const notAfterToday = (day: string) => (day < timeline.today ? day : timeline.today);
    for (const [index, invoice] of invoices.entries()) {
      const payer = demoPayer(invoice.email);
      const totalCents = Number(invoice.total_cents);
      let share = 1;
      let paidOn = `${invoice.period}-05`;
      if (invoice.period === beforeSale) {
        if (payer === 'late') paidOn = addDays(timeline.transferDate, 19);
      } else if (payer === 'late') {
        share = 0;
      } else if (invoice.period === lastMonth && payer === 'partial') {
        share = 0.5;
      } else if (invoice.period === thisMonth && index % 3 === 0) {
        share = 0;
      }
      if (share === 0 || totalCents <= 0) continue;
      await this.invoices.recordPayment(
        invoice.id,
        { amountCents: Math.round(totalCents * share), paidOn: notAfterToday(paidOn), reference: 'demo' },
        SYSTEM_PRINCIPAL,
      );
    }
  }

  /**
   * A year of the four working groups and the public programme, in a few set-based statements: one in three makers joins a
   * group (the demo maker coordinates PR and communication) and gives a shift a week while its lease runs; shifts older
   * than ten days were approved by the coordinator, the last ones wait for approval. A monthly programme, open studios
   * twice a year and two subsidies.
   */
  private async loadTimeAccount(buildingId: string, timeline: DemoTimeline): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const inserted = await manager.query<{ id: string; name: string }[]>(
        `INSERT INTO working_group (building_id, name) SELECT $1::uuid, name FROM unnest($2::text[]) AS g(name) RETURNING id, name`,
        [buildingId, DEMO_WORKING_GROUPS.map((group) => group.name)],
      );
      const groupIds = DEMO_WORKING_GROUPS.map((group) => inserted.find((row) => row.name === group.name)!.id);
      const positions = DEMO_WORKING_GROUPS.map((_, index) => index + 1);
      // Members: every third maker with a lease in the building, dealt round the groups; the demo maker in PR (the second).
      const members = `member AS (
         SELECT m.tenant_id, m.email, CASE WHEN m.email = $2 THEN 2 ELSE (m.n / 3) % 4 + 1 END AS group_position, m.n
           FROM (SELECT t.id AS tenant_id, t.email, (row_number() OVER (ORDER BY t.email) - 1)::int AS n
                   FROM tenant t WHERE t.id IN (SELECT tenant_id FROM lease WHERE building_id = $1)) m
          WHERE m.n % 3 = 0 OR m.email = $2)`;
      await manager.query(
        `WITH ${members}
         UPDATE working_group g SET coordinator_tenant_id = c.tenant_id
           FROM (SELECT DISTINCT ON (group_position) group_position, tenant_id FROM member
                  ORDER BY group_position, email = $2 DESC, n) c,
                unnest($3::uuid[], $4::int[]) AS x(group_id, position)
          WHERE g.id = x.group_id AND x.position = c.group_position`,
        [buildingId, DEMO_TENANT_EMAIL, groupIds, positions],
      );
      await manager.query(
        `WITH ${members}
         INSERT INTO time_entry (building_id, tenant_id, working_group_id, date, quarters, kind, description, status, decided_at)
         SELECT $1::uuid, m.tenant_id, x.group_id, d.day, x.quarters + (m.n % 3) * 2, x.kind, x.description,
                CASE WHEN d.day < $4::date - 10 THEN 'approved' ELSE 'pending' END,
                CASE WHEN d.day < $4::date - 10 THEN (d.day + 2)::timestamptz END
           FROM member m
           JOIN unnest($3::uuid[], $5::int[], $6::text[], $7::text[], $8::int[]) AS x(group_id, position, kind, description, quarters)
             ON x.position = m.group_position
           CROSS JOIN LATERAL (SELECT g::date AS day FROM generate_series($4::date - 364 + (m.n % 7), $4::date, interval '7 days') AS g) d
          WHERE EXISTS (SELECT 1 FROM lease l WHERE l.tenant_id = m.tenant_id AND l.building_id = $1
                          AND l.start_date <= d.day AND (l.end_date IS NULL OR l.end_date >= d.day))`,
        [
          buildingId,
          DEMO_TENANT_EMAIL,
          groupIds,
          timeline.today,
          positions,
          DEMO_WORKING_GROUPS.map((group) => group.kind),
          DEMO_WORKING_GROUPS.map((group) => group.description),
          DEMO_WORKING_GROUPS.map((group) => group.quarters),
        ],
      );
      await manager.query(
        `INSERT INTO programme_event (building_id, date, title, kind, visitors, free)
         SELECT $1::uuid, (date_trunc('month', $2::date) - make_interval(months => m) + make_interval(days => (7 * p + 5)::int))::date,
                e.title, e.kind, e.visitors + (m * 7) % 30, e.free
           FROM generate_series(1, 12) AS m, unnest($3::text[], $4::text[], $5::int[], $6::boolean[]) WITH ORDINALITY AS e(title, kind, visitors, free, p)
         UNION ALL
         SELECT $1::uuid, (date_trunc('month', $2::date) - make_interval(months => a) + interval '20 days')::date, $7::text, $8::text, $9::int, TRUE
           FROM unnest($10::int[]) AS a`,
        [
          buildingId,
          timeline.today,
          DEMO_PROGRAMME.map((event) => event.title),
          DEMO_PROGRAMME.map((event) => event.kind),
          DEMO_PROGRAMME.map((event) => event.visitors),
          DEMO_PROGRAMME.map((event) => event.free),
          DEMO_OPEN_STUDIOS.title,
          DEMO_OPEN_STUDIOS.kind,
          DEMO_OPEN_STUDIOS.visitors,
          [...DEMO_OPEN_STUDIOS.monthsAgo],
        ],
      );
      await manager.query(
        `INSERT INTO subsidy (building_id, date, source, amount_cents, purpose)
         SELECT $1::uuid, (date_trunc('month', $2::date) - make_interval(months => s.months_ago) + interval '14 days')::date, s.source, s.amount, s.purpose
           FROM unnest($3::int[], $4::text[], $5::bigint[], $6::text[]) AS s(months_ago, source, amount, purpose)`,
        [
          buildingId,
          timeline.today,
          DEMO_SUBSIDIES.map((subsidy) => subsidy.monthsAgo),
          DEMO_SUBSIDIES.map((subsidy) => subsidy.source),
          DEMO_SUBSIDIES.map((subsidy) => subsidy.amountCents),
          DEMO_SUBSIDIES.map((subsidy) => subsidy.purpose),
        ],
      );
    });
  }

  /** Loads everything but the invoices and the sale; returns the building's id. */
  private async load(manager: EntityManager, timeline: DemoTimeline): Promise<string> {
    const organisations = {} as Record<keyof typeof DEMO_ORGANISATIONS, Organisation>;
    for (const [key, values] of Object.entries(DEMO_ORGANISATIONS) as [keyof typeof DEMO_ORGANISATIONS, Organisation][]) {
      organisations[key] = await manager.save(manager.create(Organisation, values));
    }
    const building = await manager.save(
      manager.create(Building, {
        ...DEMO_BUILDING,
        useStart: timeline.useStart,
        useEnd: timeline.useEnd,
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
    const leases = demoLeases(timeline);
    const tenantIdByEmail = await this.loadLeases(manager, building, leases, new Map(spaces.map((space) => [space.code, space])));

    // Demo accounts share the documented demo password, so they exist only with the embedded database.
    const embedded = this.config.database.kind === 'embedded';
    if (embedded) {
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
    }
    await this.loadApplications(manager, building.id, timeline, floorIdByLevel, leases, tenantIdByEmail, embedded);
    return building.id;
  }

  /**
   * The first round: each winning group's members are the makers who rent on its floor; waitlisted
   * groups keep their rank; the groups of the sixth and seventh floors left at the end of last
   * month. Then the round open today on those two floors, with an application in every state and
   * an open offer. Scored by the first admin for the selection committee; each group speaks
   * through one of its members.
   */
  private async loadApplications(
    manager: EntityManager,
    buildingId: string,
    timeline: DemoTimeline,
    floorIdByLevel: Map<number, string>,
    leases: DemoLease[],
    tenantIdByEmail: Map<string, string>,
    embedded: boolean,
  ): Promise<void> {
    const [admin] = await manager.query<{ id: string }[]>(`SELECT id FROM app_user WHERE role = 'admin' ORDER BY created_at LIMIT 1`);
    const reviewerId = admin!.id;
    const makersByLevel = new Map<number, Member[]>();
    for (const lease of leases) {
      const level = Number(lease.spaceCode.split('.')[0]);
      makersByLevel.set(level, [...(makersByLevel.get(level) ?? []), { ...lease.tenant, requestedAreaM2: 30 }]);
    }
    // Allocated groups of the first round are the makers of their floor; everyone else applies as newcomers.
    const applicantMembers = demoApplicantMembers(leases);
    const membersOf = (group: { name: string; level: number | null }) =>
      group.level === null ? applicantMembers.get(group.name)! : makersByLevel.get(group.level)!;

    // Each group's contact: its first member, but the README's tenant only where it applies with the
    // embedded demo accounts. Contacts cannot sign in (a random password), bar the README's tenant.
    const groups = [
      ...DEMO_GROUPS.map((group) => ({ name: group.name, members: membersOf(group) })),
      ...DEMO_APPLICANTS.map((applicant) => ({ name: applicant.name, members: membersOf({ name: applicant.name, level: null }) })),
    ];
    const contactEmailOf = new Map(
      groups.map(({ name, members }) => {
        const withTenant = DEMO_APPLICANTS.find((applicant) => applicant.name === name)?.withDemoTenant === true;
        const contact = members.find((member) => (withTenant && embedded) || member.email !== DEMO_TENANT_EMAIL)!;
        return [name, contact] as const;
      }),
    );
    const unusable = await hashPassword(randomBytes(32).toString('base64url'));
    const newContacts = [...contactEmailOf.values()].filter((contact) => !(embedded && contact.email === DEMO_TENANT_EMAIL));
    const contactRows = await manager.insert(
      User,
      newContacts.map((contact) => ({
        email: contact.email,
        name: contact.name,
        role: 'tenant' as const,
        passwordHash: unusable,
        organisationId: null,
        tenantId: tenantIdByEmail.get(contact.email) ?? null,
      })),
    );
    const userIdByEmail = new Map(newContacts.map((contact, index) => [contact.email, contactRows.identifiers[index]!.id as string]));
    if (embedded) {
      const [tenantUser] = await manager.query<{ id: string }[]>(`SELECT id FROM app_user WHERE email = $1`, [DEMO_TENANT_EMAIL]);
      userIdByEmail.set(DEMO_TENANT_EMAIL, tenantUser!.id);
    }
    const contactIdOf = (name: string) => userIdByEmail.get(contactEmailOf.get(name)!.email)!;

    const first = timeline.firstRound;
    const firstRound = await this.insertRound(manager, buildingId, first, [...floorIdByLevel.values()]);
    for (const [index, group] of DEMO_GROUPS.entries()) {
      const members = membersOf(group);
      const leftLastMonth = group.level !== null && DEMO_FREED_LEVELS.includes(group.level);
      const applicationId = await this.insertApplication(manager, {
        roundId: firstRound,
        name: group.name,
        plan: group.plan,
        status: group.level === null ? 'waitlisted' : leftLastMonth ? 'released' : 'allocated',
        submittedAt: new Date(`${addDays(first.submittedFrom, index)}T10:00:00Z`),
        contactUserId: contactIdOf(group.name),
        reviewerId,
        wants: group.wants.map((level) => floorIdByLevel.get(level)!),
        members,
        score: group.score,
      });
      if (group.level === null) continue;
      await this.insertAllocation(manager, {
        floorId: floorIdByLevel.get(group.level)!,
        applicationId,
        allocatedOn: first.allocatedOn,
        releasedOn: leftLastMonth ? timeline.upperFloorsReleasedOn : null,
        tenantIds: members.map((member) => tenantIdByEmail.get(member.email)!),
      });
    }

    const open = timeline.openRound;
    const openRound = await this.insertRound(
      manager,
      buildingId,
      open,
      DEMO_FREED_LEVELS.map((level) => floorIdByLevel.get(level)!),
    );
    for (const [index, applicant] of DEMO_APPLICANTS.entries()) {
      const members = membersOf({ name: applicant.name, level: null });
      const applicationId = await this.insertApplication(manager, {
        roundId: openRound,
        name: applicant.name,
        plan: applicant.plan,
        status: applicant.status,
        submittedAt: applicant.status === 'draft' ? null : new Date(`${addDays(open.opensOn, 1 + index)}T10:00:00Z`),
        contactUserId: contactIdOf(applicant.name),
        reviewerId,
        wants: applicant.wants.map((level) => floorIdByLevel.get(level)!),
        members,
        score: applicant.score,
      });
      if (applicant.status === 'allocated') {
        // Allocating makes the group's members tenants, as the API does; their leases are still to be made.
        const newcomers = members.filter((member) => !tenantIdByEmail.has(member.email));
        const inserted = await manager.insert(
          Tenant,
          newcomers.map(({ requestedAreaM2: _area, ...person }) => ({ ...person, kvkNumber: null, vatNumber: null, address: null })),
        );
        newcomers.forEach((member, position) => tenantIdByEmail.set(member.email, inserted.identifiers[position]!.id as string));
        await this.insertAllocation(manager, {
          floorId: floorIdByLevel.get(applicant.level!)!,
          applicationId,
          allocatedOn: open.allocatedOn,
          releasedOn: null,
          tenantIds: members.map((member) => tenantIdByEmail.get(member.email)!),
        });
      } else if (applicant.level !== undefined) {
        await manager.insert(FloorOffer, {
          floorId: floorIdByLevel.get(applicant.level)!,
          applicationId,
          status: 'open',
          replyBy: addDays(timeline.today, this.config.applications.offerReplyDays),
          answeredAt: null,
        });
      }
    }
  }

  private async insertRound(
    manager: EntityManager,
    buildingId: string,
    dates: { name: string; opensOn: string; closesOn: string },
    floorIds: string[],
  ): Promise<string> {
    const round = await manager.save(
      manager.create(ApplicationRound, { name: dates.name, opensOn: dates.opensOn, closesOn: dates.closesOn, buildingId }),
    );
    await manager.insert(
      ApplicationRoundFloor,
      floorIds.map((floorId) => ({ roundId: round.id, floorId })),
    );
    return round.id;
  }

  /** An application with its members, preferred floors, review (if scored) and the steps that brought it to its state. */
  private async insertApplication(
    manager: EntityManager,
    input: {
      roundId: string;
      name: string;
      plan: string;
      status: ApplicationStatus;
      submittedAt: Date | null;
      contactUserId: string;
      reviewerId: string;
      wants: string[];
      members: Member[];
      score: number | null;
    },
  ): Promise<string> {
    const application = await manager.save(
      manager.create(Application, {
        roundId: input.roundId,
        groupName: input.name,
        plan: input.plan,
        status: input.status,
        contactUserId: input.contactUserId,
        submittedAt: input.submittedAt,
      }),
    );
    await manager.insert(
      ApplicationPreferredFloor,
      input.wants.map((floorId, position) => ({ applicationId: application.id, floorId, position: position + 1 })),
    );
    await manager.insert(
      ApplicationMember,
      input.members.map((member) => ({ ...member, applicationId: application.id })),
    );
    if (input.score !== null) {
      await manager.insert(ApplicationReview, {
        applicationId: application.id,
        reviewerId: input.reviewerId,
        score: input.score,
        notes: null,
      });
    }
    const contact = input.contactUserId;
    const admin = input.reviewerId;
    const steps: [ApplicationStatus | null, ApplicationStatus, string][] = [[null, 'draft', contact]];
    if (input.status !== 'draft') steps.push(['draft', 'submitted', contact]);
    if (input.status === 'withdrawn') steps.push(['submitted', 'withdrawn', contact]);
    if (input.status === 'waitlisted' || input.status === 'rejected') steps.push(['submitted', input.status, admin]);
    if (input.status === 'allocated' || input.status === 'released') steps.push(['submitted', 'allocated', admin]);
    if (input.status === 'released') steps.push(['allocated', 'released', admin]);
    await manager.insert(
      ApplicationEvent,
      steps.map(([fromStatus, toStatus, byUserId]) => ({ applicationId: application.id, fromStatus, toStatus, byUserId })),
    );
    return application.id;
  }

  private async insertAllocation(
    manager: EntityManager,
    input: { floorId: string; applicationId: string; allocatedOn: string; releasedOn: string | null; tenantIds: string[] },
  ): Promise<void> {
    const allocation = await manager.save(
      manager.create(FloorAllocation, {
        floorId: input.floorId,
        applicationId: input.applicationId,
        allocatedOn: input.allocatedOn,
        releasedOn: input.releasedOn,
      }),
    );
    await manager.insert(
      AllocationTenant,
      input.tenantIds.map((tenantId) => ({ allocationId: allocation.id, tenantId })),
    );
  }

  /**
   * The makers' signed direct-debit mandates to the umbrella (which has its creditor identifier), numbered
   * as the mandates service numbers them, so the first mandate recorded in the app takes the next number.
   */
  private async loadMandates(manager: EntityManager, creditorId: string, demo: DemoLease[], tenants: Tenant[]): Promise<void> {
    const mandates = demo.flatMap((lease, index) => (lease.mandate ? [{ ...lease.mandate, tenantId: tenants[index]!.id }] : []));
    await manager.insert(
      Mandate,
      mandates.map((mandate, index) => ({
        ...mandate,
        leaseId: null,
        creditorId,
        reference: generatedMandateReference(null, index + 1),
        bic: null,
        method: 'paper' as const,
        scheme: 'CORE' as const,
        status: 'active' as const,
        revokedOn: null,
        revokedReason: null,
        createdBy: null,
      })),
    );
    await manager.insert(MandateCounter, { creditorId, lastNumber: mandates.length });
  }

  /** Makers, their band assessments (the income chooses the band and is dropped) and their leases. */
  private async loadLeases(
    manager: EntityManager,
    building: Building,
    demo: DemoLease[],
    spaceByCode: Map<string, Space>,
  ): Promise<Map<string, string>> {
    const tenants = await manager.save(
      demo.map((lease) => manager.create(Tenant, { ...lease.tenant, ...lease.party, vatNumber: null })),
      { chunk: 100 },
    );
    await this.loadMandates(manager, building.umbrellaId, demo, tenants);
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
