import { Injectable } from '@nestjs/common';
import { handoverListScopeOf, mayReadHandover, requireCapability } from '../../common/auth/access-policy.js';
import type { Principal } from '../../common/auth/principal.js';
import { Clock } from '../../common/clock/clock.js';
import { translateConstraintViolations } from '../../common/database/pg-errors.js';
import { ConflictError, NotFoundError, RuleError } from '../../common/errors/domain-error.js';
import { DocumentsService, type DocumentFile } from '../../documents/documents.service.js';
import type { Page } from '../../common/pagination/page.js';
import { actorOf, DomainEvents } from '../../events/domain-events.js';
import { JobQueue } from '../../jobs/job-queue.js';
import type { Building } from '../buildings/building.entity.js';
import { BuildingsService } from '../buildings/buildings.service.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { FLOORS_ERRORS } from '../floors/floors.errors.js';
import type { StartHandoverDto } from './dto/handover.dto.js';
import type { Handover } from './handover.entity.js';
import { type HandoverPlan, planHandover } from './handover-plan.js';
import { HandoversRepository } from './handovers.repository.js';
import { HANDOVERS_ERRORS } from './handovers.errors.js';

/**
 * Checks, previews, schedules and queues handovers; reads their dossiers and notices. A handover
 * dated after today waits as `scheduled` (cancellable) until the daily sweep queues it on its date.
 */
@Injectable()
export class HandoversService {
  constructor(
    private readonly handovers: HandoversRepository,
    private readonly buildings: BuildingsService,
    private readonly organisations: OrganisationsService,
    private readonly documents: DocumentsService,
    private readonly jobs: JobQueue,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  /**
   * Everything is checked before a handover is queued; a dry run stops there and changes nothing.
   * Notices are dated the day the handover is carried out, unless `noticeDate` loads history.
   */
  async start(
    buildingId: string,
    input: StartHandoverDto,
    principal: Principal,
    options: { noticeDate?: string } = {},
  ): Promise<{ handover: Handover | null; plan: HandoverPlan; building: Building }> {
    requireCapability(principal, 'handovers.write');
    const building = await this.buildings.getVisible(buildingId, principal);
    await this.organisations.requireOfKind(input.newOwnerId, 'owner', 'newOwnerId');
    if (input.newOwnerId === building.ownerId)
      throw new RuleError(HANDOVERS_ERRORS.same_owner, {}, [{ field: 'newOwnerId', message: 'is the current owner' }]);
    const floorIds = new Set(await this.handovers.floorIdsOf(buildingId));
    const foreign = input.retainedFloorIds.filter((floorId) => !floorIds.has(floorId));
    if (foreign.length > 0)
      throw new RuleError(
        FLOORS_ERRORS.floor_not_in_building,
        {},
        foreign.map((id) => ({ field: 'retainedFloorIds', message: `floor ${id} is not of this building` })),
      );
    if (input.transferDate < building.useStart || (building.useEnd !== null && input.transferDate > building.useEnd)) {
      throw new RuleError(HANDOVERS_ERRORS.transfer_outside_use, {}, [{ field: 'transferDate', message: 'outside the head lease' }]);
    }
    const previous = await this.handovers.latestCompletedTransfer(buildingId);
    if (previous !== null && input.transferDate < previous) {
      throw new RuleError(HANDOVERS_ERRORS.transfer_before_previous_handover, { previous }, [
        { field: 'transferDate', message: `before ${previous}` },
      ]);
    }
    if (input.newUseEnd !== undefined && input.newUseEnd <= input.transferDate) {
      throw new RuleError(HANDOVERS_ERRORS.use_end_before_transfer, {}, [{ field: 'newUseEnd', message: 'on or before transferDate' }]);
    }
    const plan = await this.preview(
      buildingId,
      input.transferDate,
      input.retainedFloorIds,
      options.noticeDate ?? this.clock.today(),
      input.newUseEnd ?? building.useEnd,
    );
    if (input.dryRun) return { handover: null, plan, building };

    const scheduled = input.transferDate > this.clock.today();
    const handover = await translateConstraintViolations(
      () =>
        this.handovers.transaction(async (manager) => {
          const inserted = await this.handovers.insert(manager, {
            buildingId,
            fromOwnerId: building.ownerId,
            toOwnerId: input.newOwnerId,
            transferDate: input.transferDate,
            retainedFloorIds: input.retainedFloorIds,
            newUseEnd: input.newUseEnd ?? null,
            noticeDate: options.noticeDate ?? null,
            status: scheduled ? 'scheduled' : 'queued',
            plan,
          });
          if (scheduled)
            await this.events.record(manager, {
              type: 'handover.scheduled',
              entityId: inserted.id,
              actorUserId: actorOf(principal),
              payload: { buildingId, fromOwnerId: building.ownerId, toOwnerId: input.newOwnerId, transferDate: input.transferDate },
            });
          return inserted;
        }),
      { uq_handover_in_progress: () => new ConflictError(HANDOVERS_ERRORS.handover_in_progress) },
    );
    // The status row is committed: a queue that is down leaves the handover to the recovery sweep.
    if (!scheduled) await this.enqueueExecute(handover.id);
    return { handover, plan, building };
  }

  /** Only a handover that still waits for its date can be cancelled; the sweep and a cancel take turns on the row. */
  async cancel(id: string, principal: Principal): Promise<Handover> {
    requireCapability(principal, 'handovers.write');
    const handover = await this.getVisible(id, principal);
    await this.handovers.transaction(async (manager) => {
      if (!(await this.handovers.cancel(manager, id))) {
        const current = (await this.handovers.find(id, manager)) ?? handover;
        throw new ConflictError(HANDOVERS_ERRORS.handover_not_scheduled, { status: current.status });
      }
      await this.events.record(manager, {
        type: 'handover.cancelled',
        entityId: id,
        actorUserId: actorOf(principal),
        payload: { buildingId: handover.buildingId, transferDate: handover.transferDate },
      });
    });
    return (await this.handovers.find(id))!;
  }

  /**
   * The daily sweep: scheduled handovers whose date has come are queued for execution; returns
   * those it queued. The guarded update makes each one queued once, however often (or in how many
   * workers) this runs. Handovers left queued whose job was lost (the queue was down) are sent
   * again under their own job id; carrying one out twice does it once.
   */
  async queueDue(day: string = this.clock.today()): Promise<string[]> {
    const due = await this.handovers.transaction((manager) => this.handovers.queueDue(manager, day));
    const dueIds = due.map((handover) => handover.id);
    const stranded = (await this.handovers.queuedIds(day)).filter((id) => !dueIds.includes(id));
    for (const id of [...dueIds, ...stranded]) await this.enqueueExecute(id);
    return dueIds;
  }

  /** The building's handovers: admins all, an owner those it sold or bought (the building once or now its own). */
  async listForBuilding(buildingId: string, principal: Principal, page: { limit: number; offset: number }): Promise<Page<Handover>> {
    requireCapability(principal, 'handovers.read');
    await this.buildings.getVisibleIncludingPast(buildingId, principal);
    const scope = handoverListScopeOf(principal);
    if (scope === null) return { items: [], total: 0 };
    return this.handovers.findPage(buildingId, scope.ownerId, page);
  }

  private enqueueExecute(id: string): Promise<boolean> {
    return this.jobs.enqueueRecorded('handovers.execute', { handoverId: id }, { jobId: `handover:${id}` });
  }

  /** Queues again every handover that is queued or running (its job may be lost); the number queued. */
  async requeueUnfinished(): Promise<number> {
    let queued = 0;
    for (const id of await this.handovers.unfinishedIds()) {
      // The queue is down: the next sweep tries again, rather than waiting out a timeout per handover.
      if (!(await this.enqueueExecute(id))) break;
      queued++;
    }
    return queued;
  }

  preview(
    buildingId: string,
    transferDate: string,
    retainedFloorIds: string[],
    noticeDate: string,
    useEnd: string | null,
  ): Promise<HandoverPlan> {
    return this.handovers.transaction(async (manager) =>
      planHandover({
        leases: await this.handovers.leasesRunningPast(buildingId, transferDate, manager),
        retainedFloorIds,
        transferDate,
        noticeDate,
        vacantOnRetainedFloors: await this.handovers.vacantSpaces(retainedFloorIds, transferDate, manager),
        useEnd,
      }),
    );
  }

  /** Admins and the users of both owners; anyone else is told it does not exist. */
  /** The floors of the building that leave the broedplaats by a handover, and the day each leaves. */
  async departures(buildingId: string, principal: Principal): Promise<Map<string, string>> {
    await this.buildings.getVisible(buildingId, principal);
    return this.handovers.departuresIn(buildingId);
  }

  async getVisible(id: string, principal: Principal): Promise<Handover> {
    requireCapability(principal, 'handovers.read');
    const handover = await this.handovers.find(id);
    if (!handover || !mayReadHandover(principal, handover)) throw new NotFoundError(HANDOVERS_ERRORS.handover_not_found, { id });
    return handover;
  }

  /** The names of the seller and the buyer, for whoever may read the handover (they deal with each other). */
  async partyNames(id: string, principal: Principal): Promise<{ from: string; to: string }> {
    const handover = await this.getVisible(id, principal);
    const [from, to] = await Promise.all([this.organisations.get(handover.fromOwnerId), this.organisations.get(handover.toOwnerId)]);
    return { from: from.name, to: to.name };
  }

  /** Admins get the umbrella's copy; the owners the copy without the sub-tenants' personal data. */
  async dossier(id: string, principal: Principal): Promise<DocumentFile> {
    const handover = await this.getVisible(id, principal);
    const documentId = principal.role === 'admin' ? handover.dossierDocumentId : handover.ownerDossierDocumentId;
    if (!documentId) throw new ConflictError(HANDOVERS_ERRORS.dossier_not_ready);
    return this.documents.read(documentId);
  }
}
