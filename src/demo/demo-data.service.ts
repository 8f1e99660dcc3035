import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import { type AppConfig, EMBEDDED_DEMO_ADMIN } from '../config/config.js';
import { Building } from '../modules/buildings/building.entity.js';
import { Floor } from '../modules/floors/floor.entity.js';
import { Organisation } from '../modules/organisations/organisation.entity.js';
import { Space } from '../modules/spaces/space.entity.js';
import { hashPassword } from '../modules/users/password.js';
import { User } from '../modules/users/user.entity.js';
import { DEMO_BUILDING, DEMO_FLOORS, DEMO_ORGANISATIONS, DEMO_USERS, demoSpaces } from './volkskrantgebouw.js';

/** Any number that no other advisory lock of this app uses. */
const DEMO_LOCK = 726_301;

/**
 * Loads the Volkskrantgebouw into an empty database at boot, before the API answers: all of it in one
 * transaction, so a failed load leaves nothing behind and the next boot tries again.
 */
@Injectable()
export class DemoDataService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoData');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.app.demoData) return;
    const loaded = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [DEMO_LOCK]);
      if ((await manager.count(Building)) > 0 || (await manager.count(Organisation)) > 0) return false;
      await this.load(manager);
      return true;
    });
    if (loaded) this.logger.log({ message: 'loaded the Volkskrantgebouw demo data' });
  }

  private async load(manager: EntityManager): Promise<void> {
    const organisations = {} as Record<keyof typeof DEMO_ORGANISATIONS, Organisation>;
    for (const [key, values] of Object.entries(DEMO_ORGANISATIONS) as [keyof typeof DEMO_ORGANISATIONS, Organisation][]) {
      organisations[key] = await manager.save(manager.create(Organisation, values));
    }
    const building = await manager.save(
      manager.create(Building, { ...DEMO_BUILDING, ownerId: organisations.owner.id, umbrellaId: organisations.umbrella.id }),
    );
    const floors = await manager.save(DEMO_FLOORS.map((floor) => manager.create(Floor, { ...floor, buildingId: building.id })));
    const floorIdByLevel = new Map(floors.map((floor) => [floor.level, floor.id]));
    await manager.insert(
      Space,
      demoSpaces().map(({ level, ...space }) => ({ ...space, floorId: floorIdByLevel.get(level)!, buildingId: building.id })),
    );

    // Demo accounts share the documented demo password, so they exist only with the embedded database.
    if (this.config.database.kind !== 'embedded') return;
    const passwordHash = await hashPassword(EMBEDDED_DEMO_ADMIN.password);
    await manager.insert(
      User,
      DEMO_USERS.map(({ organisation, ...user }) => ({
        ...user,
        passwordHash,
        organisationId: organisation ? organisations[organisation].id : null,
        tenantId: null,
      })),
    );
  }
}
