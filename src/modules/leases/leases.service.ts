import { Injectable } from '@nestjs/common';
import type { Principal } from '../../common/auth/principal.js';
import { tenantScopeOf } from '../../common/auth/scope.js';
import { Clock } from '../../common/clock/clock.js';
import { translateConstraintViolations } from '../../common/database/pg-errors.js';
import { NotFoundError, RuleError } from '../../common/errors/domain-error.js';
import type { Page } from '../../common/pagination/page.js';
import { actorOf, DomainEvents } from '../../events/domain-events.js';
import { BuildingsService } from '../buildings/buildings.service.js';
import { RentBandsService } from '../rent-bands/rent-bands.service.js';
import type { Space } from '../spaces/space.entity.js';
import { SpacesService } from '../spaces/spaces.service.js';
import { TenantsService } from '../tenants/tenants.service.js';
import type { CreateLeaseDto } from './dto/create-lease.dto.js';
import type { BandRevisionDto, ListLeasesQueryDto, TerminateLeaseDto } from './dto/lease-actions.dto.js';
import type { Lease } from './lease.entity.js';
import { earliestEndAfterNotice, MAX_NOTICE_MONTHS_ORDINARY, standardVatProblems } from './lease-rules.js';
import type { LeaseRevision } from './lease-revision.entity.js';
import { LeaseOverlapError, RevisionExistsError } from './leases.errors.js';
import { LeasesRepository } from './leases.repository.js';

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
    const space = await this.spaces.get(input.spaceId).catch(() => {
      throw new RuleError('unknown_space', 'spaceId names no space', [{ field: 'spaceId', message: `no space ${input.spaceId}` }]);
    });
    const tenant = await this.tenants.require(input.tenantId);
    const building = await this.buildings.getVisible(space.buildingId, principal);
    const endDate = input.endDate ?? null;

    if (endDate !== null && endDate < input.startDate) {
      throw new RuleError('lease_ends_before_start', 'The lease must end on or after its start', [
        { field: 'endDate', message: 'before startDate' },
      ]);
    }
    if (input.startDate < building.useStart) {
      throw new RuleError('lease_before_head_lease', `The building is in use from ${building.useStart}`, [
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
      throw new RuleError('lease_outlives_head_lease', `The head lease of this temporary building ends on ${building.useEnd}`, [
        { field: 'endDate', message: `must be on or before ${building.useEnd}` },
      ]);
    }
    const noticeMonths = input.noticeMonths ?? 1;
    if (!space.publicCounter && noticeMonths > MAX_NOTICE_MONTHS_ORDINARY) {
      throw new RuleError('notice_period_out_of_range', 'Ordinary business space has a notice period of one to three months', [
        { field: 'noticeMonths', message: `at most ${MAX_NOTICE_MONTHS_ORDINARY}` },
      ]);
    }
    const vatRegime = input.vatRegime ?? 'exempt';
    if (vatRegime === 'standard') {
      const problems = standardVatProblems({ vatNumber: tenant.vatNumber, ...input });
      if (problems.length > 0) throw new RuleError('vat_standard_not_allowed', 'This lease cannot be let with 21% VAT', problems);
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
    const lease = await this.leases.findById(id);
    const scope = tenantScopeOf(principal);
    if (!lease || (scope && scope.tenantId !== lease.tenantId)) throw new NotFoundError('lease', id);
    return this.view(lease);
  }

  async list(query: ListLeasesQueryDto, principal: Principal): Promise<Page<LeaseView>> {
    const { limit, offset, buildingId, tenantId, status } = query;
    const scope = tenantScopeOf(principal);
    if (scope && (scope.tenantId === null || (tenantId !== undefined && tenantId !== scope.tenantId))) return { items: [], total: 0 };
    const filter = { buildingId, tenantId: scope?.tenantId ?? tenantId, status, today: this.clock.today() };
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
    const { lease } = await this.getVisible(id, principal);
    const noticeDate = input.noticeDate ?? this.clock.today();
    if (noticeDate > this.clock.today()) {
      throw new RuleError('notice_in_future', 'Notice cannot be dated in the future', [{ field: 'noticeDate', message: 'after today' }]);
    }
    if (lease.endDate !== null && lease.endDate < noticeDate)
      throw new RuleError('lease_already_ended', `The lease ended on ${lease.endDate}`);
    if (input.endDate < lease.startDate) {
      throw new RuleError('lease_ends_before_start', 'The lease must end on or after its start', [
        { field: 'endDate', message: 'before the start' },
      ]);
    }
    if (lease.endDate !== null && input.endDate > lease.endDate) {
      throw new RuleError('termination_extends_lease', `The lease already ends on ${lease.endDate}; notice cannot extend it`, [
        { field: 'endDate', message: `after ${lease.endDate}` },
      ]);
    }
    const earliest = earliestEndAfterNotice(noticeDate, lease.noticeMonths);
    if (input.endDate < earliest) {
      throw new RuleError(
        'inside_notice_period',
        `With ${lease.noticeMonths} month(s) notice given on ${noticeDate}, the lease can end on ${earliest} at the earliest`,
        [{ field: 'endDate', message: `before ${earliest}` }],
      );
    }
    const reason = input.reason.trim();
    await this.leases.transaction(async (manager) => {
      await this.leases.recordNotice(manager, id, { endDate: input.endDate, noticeGivenOn: noticeDate, terminationReason: reason });
      await this.events.record(manager, {
        type: 'lease.terminated',
        entityId: id,
        actorUserId: actorOf(principal),
        payload: { endDate: input.endDate, previousEndDate: lease.endDate, noticeGivenOn: noticeDate, reason },
      });
    });
    return this.getVisible(id, principal);
  }

  /** A new band after re-assessment, as a dated revision at the rate the building's scheme has then. */
  async reviseBand(id: string, input: BandRevisionDto, principal: Principal): Promise<LeaseView> {
    const { lease } = await this.getVisible(id, principal);
    if (input.effectiveDate <= lease.startDate || (lease.endDate !== null && input.effectiveDate > lease.endDate)) {
      throw new RuleError('revision_outside_lease', 'A revision takes effect after the start and within the lease', [
        { field: 'effectiveDate', message: 'outside the lease' },
      ]);
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
