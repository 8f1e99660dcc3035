import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { Page } from '../../common/pagination/page.js';
import { Floor } from './floor.entity.js';

export interface SpaceSummary {
  id: string;
  code: string;
  areaM2: number;
  use: string;
  publicCounter: boolean;
}

export interface FloorOverview extends Floor {
  lettableAreaM2: number;
  groupId: string | null;
  groupName: string | null;
  spaces: SpaceSummary[];
}

interface FloorOverviewRow {
  id: string;
  building_id: string;
  level: number;
  name: string | null;
  theme: string | null;
  lettable_area_m2: string;
  spaces: SpaceSummary[];
  group_id: string | null;
  group_name: string | null;
  total: number;
}

@Injectable()
export class FloorsRepository {
  constructor(@InjectRepository(Floor) private readonly floors: Repository<Floor>) {}

  insert(values: Omit<Floor, 'id'>, manager?: EntityManager): Promise<Floor> {
    const repository = manager ? manager.getRepository(Floor) : this.floors;
    return repository.save(repository.create(values));
  }

  findById(id: string): Promise<Floor | null> {
    return this.floors.findOneBy({ id });
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.floors.manager.transaction(work);
  }

  /** Locks the floor for the caller's transaction, so two corrections of it take turns. */
  lock(manager: EntityManager, id: string): Promise<Floor | null> {
    return manager.getRepository(Floor).createQueryBuilder('floor').setLock('pessimistic_write').where('floor.id = :id', { id }).getOne();
  }

  async update(manager: EntityManager, id: string, change: Partial<Omit<Floor, 'id' | 'buildingId'>>): Promise<void> {
    await manager.getRepository(Floor).update({ id }, change);
  }

  /** Refused by a foreign key while anything refers to it. */
  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(Floor).delete({ id });
  }

  /** A page of a building's floors, each with its spaces and lettable area, in one query. */
  async findOverviewPage(buildingId: string, page: { limit: number; offset: number }): Promise<Page<FloorOverview>> {
    const rows = await this.floors.query<FloorOverviewRow[]>(
      `SELECT f.id, f.building_id, f.level, f.name, f.theme,
              coalesce(s.lettable_area_m2, 0) AS lettable_area_m2,
              coalesce(s.spaces, '[]'::json) AS spaces,
              g.application_id AS group_id, g.group_name,
              count(*) OVER ()::int AS total
         FROM floor f
         LEFT JOIN LATERAL (
           SELECT x.application_id, x.group_name FROM floor_current_group x WHERE x.floor_id = f.id
         ) g ON TRUE
         LEFT JOIN LATERAL (
           SELECT sum(sp.area_m2) AS lettable_area_m2,
                  json_agg(json_build_object('id', sp.space_id, 'code', sp.code, 'areaM2', sp.area_m2,
                                             'use', sp.use, 'publicCounter', sp.public_counter) ORDER BY sp.code) AS spaces
             FROM space_placement sp WHERE sp.floor_id = f.id
         ) s ON TRUE
        WHERE f.building_id = $1
        ORDER BY f.level
        LIMIT $2 OFFSET $3`,
      [buildingId, page.limit, page.offset],
    );
    const total = rows[0]?.total ?? (page.offset > 0 ? await this.floors.countBy({ buildingId }) : 0);
    return {
      total,
      items: rows.map((row) => ({
        id: row.id,
        buildingId: row.building_id,
        level: row.level,
        name: row.name,
        theme: row.theme,
        lettableAreaM2: Number(row.lettable_area_m2),
        groupId: row.group_id,
        groupName: row.group_name,
        spaces: row.spaces.map((space) => ({ ...space, areaM2: Number(space.areaM2) })),
      })),
    };
  }
}
