import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import { shownFailure } from '../../common/errors/domain-error.js';
import { DocumentsService } from '../../documents/documents.service.js';
import { DomainEvents } from '../../events/domain-events.js';
import { BuildingsService } from '../buildings/buildings.service.js';
import { LeaseNoticesService } from '../leases/lease-notices.service.js';
import { LeasesService } from '../leases/leases.service.js';
import type { Handover } from './handover.entity.js';
import { planHandover } from './handover-plan.js';
import { renderDossierPdf, renderNoticePdf } from './handover-pdf.js';
import { HANDOVERS_ERRORS } from './handovers.errors.js';
import { HandoversRepository } from './handovers.repository.js';

export interface ExecuteOptions {
  /** Runs inside the transaction after the leases were ended: lets tests fail the handover there. */
  afterLeasesEnded?: () => void | Promise<void>;
}

/**
 * Carries out a handover in one transaction: notices through the leases module (the same way a
 * termination ends a lease), the building's new owner and use end through the buildings module, the
 * record of what was done, then renders the dossier and the notice letters. Safe to repeat: a
 * completed handover only gets its missing documents.
 */
@Injectable()
export class ExecuteHandoverService {
  constructor(
    private readonly handovers: HandoversRepository,
    private readonly leases: LeasesService,
    private readonly notices: LeaseNoticesService,
    private readonly buildings: BuildingsService,
    private readonly documents: DocumentsService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  async execute(handoverId: string, options: ExecuteOptions = {}): Promise<void> {
    let handover = await this.handovers.find(handoverId);
    // A scheduled handover waits for its date (the sweep queues it then); a cancelled one never runs.
    if (!handover || handover.status === 'scheduled' || handover.status === 'cancelled') return;
    if (handover.status !== 'completed') {
      await this.handovers.markRunning(handoverId);
      await this.handovers.transaction(async (manager) => {
        const pending = (await this.handovers.find(handoverId, manager))!;
        const building = await this.buildings.lock(manager, pending.buildingId);
        // Read again under the building's lock: a second executor (the queued job beside a direct
        // call) waits there, then finds the work done.
        const current = (await this.handovers.find(handoverId, manager))!;
        if (current.status === 'completed' || current.status === 'scheduled' || current.status === 'cancelled') return;
        const noticeDate = current.noticeDate ?? this.clock.today();
        const leases = await this.handovers.leasesRunningPast(current.buildingId, current.transferDate, manager);
        const plan = planHandover({
          leases,
          retainedFloorIds: current.retainedFloorIds,
          transferDate: current.transferDate,
          noticeDate,
          vacantOnRetainedFloors: await this.handovers.vacantSpaces(current.retainedFloorIds, current.transferDate, manager),
          useEnd: current.newUseEnd ?? building.useEnd,
        });
        // A lease whose own end comes first keeps it: it gets the letter, but its end is not the notice's.
        const currentEnd = new Map(leases.map((lease) => [lease.leaseId, lease.endDate]));
        const reason = `Ontruimingsaanzegging: verkoop per ${current.transferDate}`;
        await this.leases.end(
          manager,
          plan.leasesEnded
            .filter((ended) => currentEnd.get(ended.leaseId) !== ended.endDate)
            .map((ended) => ({ leaseId: ended.leaseId, endDate: ended.endDate, noticeGivenOn: noticeDate, reason })),
          null,
          plan.leasesEnded.map((ended) => ({
            leaseId: ended.leaseId,
            handoverId,
            givenOn: noticeDate,
            endDate: ended.endDate,
            relocationOptions: ended.relocationOptions,
          })),
        );
        await options.afterLeasesEnded?.();
        await this.buildings.transfer(manager, building, {
          toOwnerId: current.toOwnerId,
          on: current.transferDate,
          useEnd: current.newUseEnd ?? building.useEnd,
        });
        await this.handovers.complete(manager, { id: handoverId, plan });
        await this.events.record(manager, {
          type: 'handover.completed',
          entityId: handoverId,
          actorUserId: null,
          payload: {
            buildingId: current.buildingId,
            fromOwnerId: current.fromOwnerId,
            toOwnerId: current.toOwnerId,
            transferDate: current.transferDate,
            leasesTransferred: plan.leasesTransferred.map((lease) => lease.leaseId),
            leasesEnded: plan.leasesEnded.map((lease) => lease.leaseId),
          },
        });
      });
      handover = (await this.handovers.find(handoverId))!;
    }
    await this.renderMissingDocuments(handover);
  }

  /** The handover's row shows our own refusal, or that it stopped: never the database's text (the job's log keeps that). */
  async markFailed(handoverId: string, error: Error): Promise<void> {
    await this.handovers.markFailed(handoverId, shownFailure(error, HANDOVERS_ERRORS.handover_failed));
  }

  private async renderMissingDocuments(handover: Handover): Promise<void> {
    const facts = await this.handovers.handoverFacts(handover.id);
    for (const notice of await this.notices.withoutLetter(handover.id)) {
      const letter = await this.handovers.noticeLetterFacts(notice.leaseId);
      const bytes = await renderNoticePdf({
        ...letter,
        givenOn: notice.givenOn,
        endDate: notice.endDate,
        transferDate: handover.transferDate,
        toOwner: facts.toOwner,
        relocationOptions: notice.relocationOptions,
      });
      await this.handovers.transaction(async (manager) => {
        const document = await this.documents.store(
          { kind: 'notice_pdf', filename: `ontruimingsaanzegging-${letter.spaceCode}.pdf`, contentType: 'application/pdf', bytes },
          manager,
        );
        await this.notices.attachLetter(manager, notice.leaseId, document.id);
        await this.events.record(manager, {
          type: 'lease.notice_letter_stored',
          entityId: notice.leaseId,
          actorUserId: null,
          payload: {
            handoverId: handover.id,
            tenantId: letter.tenantId,
            spaceCode: letter.spaceCode,
            endDate: notice.endDate,
            documentIds: [document.id],
          },
        });
      });
    }
    // The owners' copy first: `dossierReady` follows the umbrella's copy, so once it is ready both are.
    const missing = [
      ...(handover.ownerDossierDocumentId ? [] : (['owners'] as const)),
      ...(handover.dossierDocumentId ? [] : (['umbrella'] as const)),
    ];
    if (missing.length === 0) return;
    const data = {
      ...facts,
      transferDate: handover.transferDate,
      newUseEnd: handover.newUseEnd,
      rentRoll: await this.handovers.rentRoll(handover.buildingId, handover.transferDate),
      plan: handover.plan,
    };
    for (const copy of missing) {
      const bytes = await renderDossierPdf(data, copy);
      await this.handovers.transaction(async (manager) => {
        const document = await this.documents.store(
          {
            kind: 'handover_dossier_pdf',
            filename: `overdrachtsdossier-${handover.transferDate}.pdf`,
            contentType: 'application/pdf',
            bytes,
          },
          manager,
        );
        await this.handovers.attachDossier(manager, handover.id, copy, document.id);
        if (copy === 'owners') {
          await this.events.record(manager, {
            type: 'handover.dossier_stored',
            entityId: handover.id,
            actorUserId: null,
            payload: {
              buildingId: handover.buildingId,
              fromOwnerId: handover.fromOwnerId,
              toOwnerId: handover.toOwnerId,
              transferDate: handover.transferDate,
              documentIds: [document.id],
            },
          });
        }
      });
    }
  }
}
