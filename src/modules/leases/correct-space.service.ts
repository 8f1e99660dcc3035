import { Injectable } from '@nestjs/common';
import type { Principal } from '../../common/auth/principal.js';
import { Clock } from '../../common/clock/clock.js';
import { actorOf, DomainEvents } from '../../events/domain-events.js';
import type { UpdateSpaceDto } from '../spaces/dto/update-space.dto.js';
import type { Space } from '../spaces/space.entity.js';
import { SpacesService } from '../spaces/spaces.service.js';
import { LeasesRepository } from './leases.repository.js';

/**
 * Correcting a space: a new area carries over, in the same transaction, to the leases of the space
 * that run today or later, so the next invoice run bills it. Issued invoices keep their lines.
 */
@Injectable()
export class CorrectSpaceService {
  constructor(
    private readonly spaces: SpacesService,
    private readonly leases: LeasesRepository,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  correct(id: string, input: UpdateSpaceDto, principal: Principal): Promise<Space> {
    return this.leases.transaction(async (manager) => {
      const { before, after } = await this.spaces.update(manager, id, input, principal);
      if (after.areaM2 === before.areaM2) return after;
      for (const lease of await this.leases.followSpaceArea(manager, id, after.areaM2, this.clock.today())) {
        await this.events.record(manager, {
          type: 'lease.updated',
          entityId: lease.leaseId,
          payload: { changes: [{ field: 'areaM2', before: lease.before, after: after.areaM2 }], spaceId: id },
          actorUserId: actorOf(principal),
        });
      }
      return after;
    });
  }
}
