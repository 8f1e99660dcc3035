import { Injectable } from '@nestjs/common';
import { requireCapability } from '../../common/auth/access-policy.js';
import type { Principal } from '../../common/auth/principal.js';
import { translateConstraintViolations } from '../../common/database/pg-errors.js';
import type { EntityManager } from 'typeorm';
import { NotFoundError } from '../../common/errors/domain-error.js';
import type { Page } from '../../common/pagination/page.js';
import { requireCorrection } from '../../common/validation/correction.js';
import { actorOf, DomainEvents } from '../../events/domain-events.js';
import { changesBetween, changesOfDeletion } from '../../events/record-changes.js';
import { FloorsService } from '../floors/floors.service.js';
import type { CreateSpaceDto } from './dto/create-space.dto.js';
import type { UpdateSpaceDto } from './dto/update-space.dto.js';
import type { Space } from './space.entity.js';
import { SPACE_REFERENCES, SpaceCodeTakenError, SPACES_ERRORS } from './spaces.errors.js';

/** The fields a correction may change and the audit log reports (a deletion also names the floor). */
const AUDITED_FIELDS = ['code', 'areaM2', 'use', 'publicCounter'] as const;
import { SpacesRepository } from './spaces.repository.js';

@Injectable()
export class SpacesService {
  constructor(
    private readonly spaces: SpacesRepository,
    private readonly floors: FloorsService,
    private readonly events: DomainEvents,
  ) {}

  async create(floorId: string, input: CreateSpaceDto, principal: Principal): Promise<Space> {
    requireCapability(principal, 'buildings.write');
    const floor = await this.floors.getVisible(floorId, principal);
    return translateConstraintViolations(
      () =>
        this.spaces.insert({
          floorId,
          buildingId: floor.buildingId,
          code: input.code,
          areaM2: input.areaM2,
          use: input.use,
          publicCounter: input.publicCounter ?? false,
        }),
      { uq_space_building_code: () => new SpaceCodeTakenError(input.code) },
    );
  }

  /** The spaces of a floor, for whoever may see its building. */
  async listOnFloor(floorId: string, principal: Principal, page: { limit: number; offset: number }): Promise<Page<Space>> {
    await this.floors.getVisible(floorId, principal);
    return this.spaces.findPageOnFloor(floorId, page);
  }

  /**
   * A correction inside the caller's transaction (which also carries a new area over to the space's
   * leases); the change is audited with what each field held before. Answers the space before and after.
   */
  async update(manager: EntityManager, id: string, input: UpdateSpaceDto, principal: Principal): Promise<{ before: Space; after: Space }> {
    requireCapability(principal, 'buildings.write');
    requireCorrection(input);
    const before = await this.spaces.lock(manager, id);
    if (!before) throw new NotFoundError(SPACES_ERRORS.space_not_found, { id });
    const change = {
      ...(input.code !== undefined && { code: input.code }),
      ...(input.areaM2 !== undefined && { areaM2: input.areaM2 }),
      ...(input.use !== undefined && { use: input.use }),
      ...(input.publicCounter !== undefined && { publicCounter: input.publicCounter }),
    };
    const after = { ...before, ...change };
    const changes = changesBetween(before, after, AUDITED_FIELDS);
    if (changes.length > 0) {
      await translateConstraintViolations(() => this.spaces.update(manager, id, change), {
        uq_space_building_code: () => new SpaceCodeTakenError(after.code),
      });
      await this.events.record(manager, { type: 'space.updated', entityId: id, payload: { changes }, actorUserId: actorOf(principal) });
    }
    return { before, after };
  }

  /** Only while no lease refers to it (409); the audit log keeps what it held. */
  async remove(id: string, principal: Principal): Promise<void> {
    requireCapability(principal, 'buildings.write');
    await translateConstraintViolations(
      () =>
        this.spaces.transaction(async (manager) => {
          const space = await this.spaces.lock(manager, id);
          if (!space) throw new NotFoundError(SPACES_ERRORS.space_not_found, { id });
          await this.spaces.delete(manager, id);
          await this.events.record(manager, {
            type: 'space.deleted',
            entityId: id,
            payload: { changes: changesOfDeletion(space, ['floorId', 'buildingId', ...AUDITED_FIELDS]) },
            actorUserId: actorOf(principal),
          });
        }),
      SPACE_REFERENCES,
    );
  }

  /** Which of these spaces have a public counter, in one query. */
  publicCounterIds(ids: string[]): Promise<Set<string>> {
    return this.spaces.findPublicCounterIds(ids);
  }

  async get(id: string): Promise<Space> {
    const space = await this.spaces.findById(id);
    if (!space) throw new NotFoundError(SPACES_ERRORS.space_not_found, { id });
    return space;
  }
}
