import { Injectable } from '@nestjs/common';
import { requireCapability } from '../../common/auth/access-policy.js';
import type { Principal } from '../../common/auth/principal.js';
import { translateConstraintViolations } from '../../common/database/pg-errors.js';
import { NotFoundError } from '../../common/errors/domain-error.js';
import type { Page } from '../../common/pagination/page.js';
import { FloorsService } from '../floors/floors.service.js';
import type { CreateSpaceDto } from './dto/create-space.dto.js';
import type { Space } from './space.entity.js';
import { SpaceCodeTakenError, SPACES_ERRORS } from './spaces.errors.js';
import { SpacesRepository } from './spaces.repository.js';

@Injectable()
export class SpacesService {
  constructor(
    private readonly spaces: SpacesRepository,
    private readonly floors: FloorsService,
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
