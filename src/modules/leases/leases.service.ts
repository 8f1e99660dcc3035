import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../common/auth/principal.js';
import { mayReadTenantRecord, requireCapability, staffUmbrellaOf, tenantFilterOf } from '../../common/auth/access-policy.js';
import { Clock } from '../../common/clock/clock.js';
import { translateConstraintViolations } from '../../common/database/pg-errors.js';
import { NotFoundError, RuleError, whenNotFound } from '../../common/errors/domain-error.js';
import type { Page } from '../../common/pagination/page.js';
import { actorOf, DomainEvents } from '../../events/domain-events.js';
import { BuildingsService } from '../buildings/buildings.service.js';
import { RentBandsService } from '../rent-bands/rent-bands.service.js';
import type { Space } from '../spaces/space.entity.js';
import { SpacesService } from '../spaces/spaces.service.js';
import { TenantsService } from '../tenants/tenants.service.js';
import { SPACES_ERRORS } from '../spaces/spaces.errors.js';
import type { CreateLeaseDto } from './dto/create-lease.dto.js';
import type { BandRevisionDto, ListLeasesQueryDto, TerminateLeaseDto } from './dto/lease-actions.dto.js';
import type { Lease } from './lease.entity.js';
import { earliestEndAfterNotice, MAX_NOTICE_MONTHS_ORDINARY, standardVatProblems } from './lease-rules.js';
import { leaseRunsAfterDeparture } from '../floors/floor-departure.js';
import { FLOORS_ERRORS } from '../floors/floors.errors.js';
import type { LeaseRevision } from './lease-revision.entity.js';
import { LeaseOverlapError, LEASES_ERRORS, RevisionExistsError } from './leases.errors.js';
import { type LeaseEnding, LeasesRepository, type NewLeaseNotice } from './leases.repository.js';

/** A lease with what its answers need: its rate revisions and whether its space has a public counter. */
export interface LeaseView {
  lease: Lease;
  revisions: LeaseRevision[];
  publicCounter: boolean;
}

@Injectable()
export class LeasesService {
  constructor(
    private readonly leases: LeasesRepository,
    private readonly spaces: SpacesService,
    private readonly tenants: TenantsService,
    private readonly buildings: BuildingsService,
    private readonly rentBands: RentBandsService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  async create(input: CreateLeaseDto, principal: Principal): Promise<LeaseView> {
    requireCapability(principal, 'leases.write');
    const space = await this.spaces
      .get(input.spaceId)
      .catch(
        whenNotFound(() => new RuleError(SPACES_ERRORS.unknown_space, {}, [{ field: 'spaceId', message: `no space ${input.spaceId}` }])),
      );
    const tenant = await this.tenants.require(input.tenantId);
    const building = await this.buildings.getVisible(space.buildingId, principal);
    const endDate = input.endDate ?? null;

    if (endDate !== null && endDate < input.startDate) {
      throw new RuleError(LEASES_ERRORS.lease_ends_before_start, {}, [{ field: 'endDate', message: 'before startDate' }]);
    }
    if (input.startDate < building.useStart) {
      throw new RuleError(LEASES_ERRORS.lease_before_head_lease, { useStart: building.useStart }, [
        { field: 'startDate', message: `before ${building.useStart}` },
      ]);
    }
    // A lease with a public counter (art. 7:290 BW) may outlive a temporary building's head lease; no other may.
    if (
      building.kind === 'temporary' &&
      building.useEnd !== null &&
      !space.publicCounter &&
      (endDate === null || endDate > building.useEnd)
    ) {
      throw new RuleError(LEASES_ERRORS.lease_outlives_head_lease, { useEnd: building.useEnd }, [
        { field: 'endDate', message: `must be on or before ${building.useEnd}` },
      ]);
    }
    const leftOn = await this.leases.floorLeftOn(space.floorId);
    if (leaseRunsAfterDeparture({ startDate: input.startDate, endDate }, leftOn)) {
      throw new RuleError(FLOORS_ERRORS.floor_left_broedplaats, { leftOn: leftOn! }, [
        { field: 'spaceId', message: `its floor left the broedplaats on ${leftOn}` },
      ]);
    }
    const noticeMonths = input.noticeMonths ?? 1;
    if (!space.publicCounter && noticeMonths > MAX_NOTICE_MONTHS_ORDINARY) {
      throw new RuleError(LEASES_ERRORS.notice_period_out_of_range, {}, [
        { field: 'noticeMonths', message: `at most ${MAX_NOTICE_MONTHS_ORDINARY}` },
      ]);
    }
    const vatRegime = input.vatRegime ?? 'exempt';
    if (vatRegime === 'standard') {
      const problems = standardVatProblems({ vatNumber: tenant.vatNumber, ...input });
      if (problems.length > 0) throw new RuleError(LEASES_ERRORS.vat_standard_not_allowed, {}, problems);
    }
    const assessment = await this.rentBands.requireValidAssessment(tenant.id, building.id, input.startDate);
    const ratePerM2YearCents = await this.rentBands.rateOn(building, assessment.bandCode, input.startDate);

    const lease = await translateConstraintViolations(
      () =>
        this.leases.transaction(async (manager) => {
          const signed = await this.leases.insertWithSigningRevision(manager, {
            tenantId: tenant.id,
            spaceId: space.id,
            buildingId: building.id,
            startDate: input.startDate,
            endDate,
            noticeMonths,
            bandCode: assessment.bandCode,
            ratePerM2YearCents,
            areaM2: space.areaM2,
            serviceChargeMonthlyCents: input.serviceChargeMonthlyCents ?? 0,
            depositCents: input.depositCents ?? 0,
            vatRegime,
            taxableUsePercent: input.taxableUsePercent ?? null,
            smallBusinessScheme: input.smallBusinessScheme ?? null,
          });
          await this.events.record(manager, {
            type: 'lease.started',
            entityId: signed.id,
            actorUserId: actorOf(principal),
            payload: {
              tenantId: signed.tenantId,
              spaceId: signed.spaceId,
              buildingId: signed.buildingId,
              startDate: signed.startDate,
              endDate: signed.endDate,
              bandCode: signed.bandCode,
              ratePerM2YearCents: signed.ratePerM2YearCents,
            },
          });
          return signed;
        }),
      { ex_lease_space_period: () => new LeaseOverlapError() },
    );
    return this.view(lease, space);
  }

  /** A tenant sees only its own leases; another's answers as unknown. */
  async getVisible(id: string, principal: Principal): Promise<LeaseView> {
    requireCapability(principal, 'leases.read');
    const lease = await this.leases.findById(id);
    if (!lease || !(await this.mayRead(lease, principal))) throw new NotFoundError(LEASES_ERRORS.lease_not_found, { id });
    return this.view(lease);
  }

  /** The tenant's own lease, or for staff any (an umbrella's staff those in its buildings). */
  async mayRead(lease: { tenantId: string; buildingId: string } | null, principal: Principal): Promise<boolean> {
    if (lease === null) return mayReadTenantRecord(principal, null);
    const withinUmbrella = staffUmbrellaOf(principal) !== null && (await this.buildings.isVisible(lease.buildingId, principal));
    return mayReadTenantRecord(principal, lease.tenantId, withinUmbrella);
  }

  async list(query: ListLeasesQueryDto, principal: Principal): Promise<Page<LeaseView>> {
    const { limit, offset, buildingId, tenantId, status, endingBefore } = query;
    requireCapability(principal, 'leases.read');
    const scope = tenantFilterOf(principal, tenantId);
    if (!scope) return { items: [], total: 0 };
    const filter = { buildingId, ...scope, status, endingBefore, today: this.clock.today() };
    const page = await this.leases.findPage(filter, { limit, offset });
    const revisions = await this.leases.revisionsOf(page.items.map((lease) => lease.id));
    const publicCounters = await this.spaces.publicCounterIds(page.items.map((lease) => lease.spaceId));
    return {
      total: page.total,
      items: page.items.map((lease) => ({
        lease,
        revisions: revisions.get(lease.id) ?? [],
        publicCounter: publicCounters.has(lease.spaceId),
      })),
    };
  }

  /** Notice by the umbrella or the tenant: the lease then ends no earlier than the notice period allows. */
  async terminate(id: string, input: TerminateLeaseDto, principal: Principal): Promise<LeaseView> {
    requireCapability(principal, 'leases.write');
    await this.getVisible(id, principal);
    const ending = {
      leaseId: id,
      endDate: input.endDate,
      noticeGivenOn: input.noticeDate ?? this.clock.today(),
      reason: input.reason.trim(),
    };
    await this.leases.transaction((manager) => this.end(manager, [ending], actorOf(principal)));
    return this.getVisible(id, principal);
  }

  /**
   * The one way notice ends leases, inside the caller's transaction: a termination and a handover
   * both come here, so both follow the same rules and leave the same rows. A handover's notices to
   * vacate (the letters, also for a lease that keeps an earlier end of its own) are recorded with them.
   * Each ending is a `lease.terminated` event, written in the same transaction.
   */
  async end(
    manager: EntityManager,
    endings: LeaseEnding[],
    actorUserId: string | null,
    noticesToVacate: NewLeaseNotice[] = [],
  ): Promise<void> {
    const leases = await this.leases.lockMany(
      manager,
      endings.map((ending) => ending.leaseId),
    );
    const locked = new Map(leases.map((lease) => [lease.id, lease]));
    for (const ending of endings) {
      const lease = locked.get(ending.leaseId);
      if (!lease) throw new NotFoundError(LEASES_ERRORS.lease_not_found, { id: ending.leaseId });
      this.checkEnding(lease, ending);
    }
    await this.leases.recordEnds(manager, endings);
    await this.leases.insertNotices(manager, noticesToVacate);
    for (const ending of endings) {
      await this.events.record(manager, {
        type: 'lease.terminated',
        entityId: ending.leaseId,
        actorUserId,
        payload: {
          endDate: ending.endDate,
          previousEndDate: locked.get(ending.leaseId)!.endDate,
          noticeGivenOn: ending.noticeGivenOn,
          reason: ending.reason,
        },
      });
    }
  }

  private checkEnding(lease: Lease, { endDate, noticeGivenOn: noticeDate }: LeaseEnding): void {
    if (noticeDate > this.clock.today()) {
      throw new RuleError(LEASES_ERRORS.notice_in_future, {}, [{ field: 'noticeDate', message: 'after today' }]);
    }
    if (lease.endDate !== null && lease.endDate < noticeDate)
      throw new RuleError(LEASES_ERRORS.lease_already_ended, { endDate: lease.endDate });
    if (endDate < lease.startDate) {
      throw new RuleError(LEASES_ERRORS.lease_ends_before_start, {}, [{ field: 'endDate', message: 'before the start' }]);
    }
    if (lease.endDate !== null && endDate > lease.endDate) {
      throw new RuleError(LEASES_ERRORS.termination_extends_lease, { endDate: lease.endDate }, [
        { field: 'endDate', message: `after ${lease.endDate}` },
      ]);
    }
    const earliest = earliestEndAfterNotice(noticeDate, lease.noticeMonths);
    if (endDate < earliest) {
      throw new RuleError(LEASES_ERRORS.inside_notice_period, { noticeMonths: lease.noticeMonths, noticeDate, earliest }, [
        { field: 'endDate', message: `before ${earliest}` },
      ]);
    }
  }

  /** A new band after re-assessment, as a dated revision at the rate the building's scheme has then. */
  async reviseBand(id: string, input: BandRevisionDto, principal: Principal): Promise<LeaseView> {
    requireCapability(principal, 'leases.write');
    const { lease } = await this.getVisible(id, principal);
    if (input.effectiveDate <= lease.startDate || (lease.endDate !== null && input.effectiveDate > lease.endDate)) {
      throw new RuleError(LEASES_ERRORS.revision_outside_lease, {}, [{ field: 'effectiveDate', message: 'outside the lease' }]);
    }
    const building = await this.buildings.getVisible(lease.buildingId, principal);
    const assessment = await this.rentBands.requireValidAssessment(lease.tenantId, lease.buildingId, input.effectiveDate);
    const ratePerM2YearCents = await this.rentBands.rateOn(building, assessment.bandCode, input.effectiveDate);
    await translateConstraintViolations(
      () =>
        this.leases.insertRevision({
          leaseId: id,
          effectiveDate: input.effectiveDate,
          bandCode: assessment.bandCode,
          ratePerM2YearCents,
          reason: 'band_reassessment',
          indexationId: null,
        }),
      { uq_lease_revision_date: () => new RevisionExistsError(input.effectiveDate) },
    );
    return this.getVisible(id, principal);
  }

  today(): string {
    return this.clock.today();
  }

  private async view(lease: Lease, space?: Space): Promise<LeaseView> {
    const revisions = (await this.leases.revisionsOf([lease.id])).get(lease.id) ?? [];
    const publicCounter = space ? space.publicCounter : (await this.spaces.get(lease.spaceId)).publicCounter;
    return { lease, revisions, publicCounter };
  }
}
