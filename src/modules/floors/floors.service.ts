import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { requireCapability } from '../../common/auth/access-policy.js';
import type { Principal } from '../../common/auth/principal.js';
import { translateConstraintViolations } from '../../common/database/pg-errors.js';
import { NotFoundError, whenNotFound } from '../../common/errors/domain-error.js';
import type { Page } from '../../common/pagination/page.js';
import { requireCorrection } from '../../common/validation/correction.js';
import { actorOf, DomainEvents } from '../../events/domain-events.js';
import { changesBetween, changesOfDeletion } from '../../events/record-changes.js';
import { BuildingsService } from '../buildings/buildings.service.js';
import type { CreateFloorDto } from './dto/create-floor.dto.js';
import type { UpdateFloorDto } from './dto/update-floor.dto.js';
import type { Floor } from './floor.entity.js';
import { FLOOR_REFERENCES, FloorLevelTakenError, FLOORS_ERRORS } from './floors.errors.js';

/** The fields a correction may change and the audit log reports (a deletion also names the building). */
const AUDITED_FIELDS = ['level', 'name', 'theme'] as const;
import { type FloorOverview, FloorsRepository } from './floors.repository.js';

@Injectable()
export class FloorsService {
  constructor(
    private readonly floors: FloorsRepository,
    private readonly buildings: BuildingsService,
    private readonly events: DomainEvents,
  ) {}

  async create(buildingId: string, input: CreateFloorDto, principal: Principal): Promise<Floor> {
    requireCapability(principal, 'buildings.write');
    await this.buildings.getVisible(buildingId, principal);
    return translateConstraintViolations(
      () => this.floors.insert({ buildingId, level: input.level, name: input.name?.trim() ?? null, theme: input.theme?.trim() ?? null }),
      { uq_floor_building_level: () => new FloorLevelTakenError(input.level) },
    );
  }

  /** Floors of a building made in the caller's transaction (a tender's conversion drafts them from the property's floors). */
  async createIn(manager: EntityManager, buildingId: string, input: CreateFloorDto, principal: Principal): Promise<Floor> {
    requireCapability(principal, 'buildings.write');
    return translateConstraintViolations(
      () =>
        this.floors.insert(
          { buildingId, level: input.level, name: input.name?.trim() ?? null, theme: input.theme?.trim() ?? null },
          manager,
        ),
      { uq_floor_building_level: () => new FloorLevelTakenError(input.level) },
    );
  }

  /** A correction; each change is audited with what it held before. */
  async update(id: string, input: UpdateFloorDto, principal: Principal): Promise<Floor> {
    requireCapability(principal, 'buildings.write');
    requireCorrection(input, ['name', 'theme']);
    await this.getVisible(id, principal);
    return translateConstraintViolations(
      () =>
        this.floors.transaction(async (manager) => {
          const before = await this.floors.lock(manager, id);
          if (!before) throw new NotFoundError(FLOORS_ERRORS.floor_not_found, { id });
          const change: Partial<Floor> = {
            ...(input.level !== undefined && { level: input.level }),
            ...(input.name !== undefined && { name: input.name?.trim() ?? null }),
            ...(input.theme !== undefined && { theme: input.theme?.trim() ?? null }),
          };
          const after = { ...before, ...change };
          const changes = changesBetween(before, after, AUDITED_FIELDS);
          if (changes.length > 0) {
            await this.floors.update(manager, id, change);
            await this.events.record(manager, {
              type: 'floor.updated',
              entityId: id,
              payload: { changes },
              actorUserId: actorOf(principal),
            });
          }
          return after;
        }),
      { uq_floor_building_level: () => new FloorLevelTakenError(input.level ?? 0) },
    );
  }

  /** Only while nothing refers to it (409 naming what does); the audit log keeps what it held. */
  async remove(id: string, principal: Principal): Promise<void> {
    requireCapability(principal, 'buildings.write');
    await this.getVisible(id, principal);
    await translateConstraintViolations(
      () =>
        this.floors.transaction(async (manager) => {
          const floor = await this.floors.lock(manager, id);
          if (!floor) throw new NotFoundError(FLOORS_ERRORS.floor_not_found, { id });
          await this.floors.delete(manager, id);
          await this.events.record(manager, {
            type: 'floor.deleted',
            entityId: id,
            payload: { changes: changesOfDeletion(floor, ['buildingId', ...AUDITED_FIELDS]) },
            actorUserId: actorOf(principal),
          });
        }),
      FLOOR_REFERENCES,
    );
  }

  async listOverview(buildingId: string, principal: Principal, page: { limit: number; offset: number }): Promise<Page<FloorOverview>> {
    await this.buildings.getVisible(buildingId, principal);
    return this.floors.findOverviewPage(buildingId, page);
  }

  /** The floor if its building is visible to this principal. */
  async getVisible(id: string, principal: Principal): Promise<Floor> {
    const floor = await this.floors.findById(id);
    if (!floor) throw new NotFoundError(FLOORS_ERRORS.floor_not_found, { id });
    await this.buildings
      .getVisible(floor.buildingId, principal)
      .catch(whenNotFound(() => new NotFoundError(FLOORS_ERRORS.floor_not_found, { id })));
    return floor;
  }
}
