import { loadMigrations } from '../../src/database/migrations-loader.js';
import { openTestDatabase } from '../helpers/test-module.js';

describe('the template database a test file gets a copy of', () => {
  it('has every migration applied, so the boot finds none to run', async () => {
    const { dataSource, close } = await openTestDatabase();
    try {
      expect(await dataSource.showMigrations()).toBe(false);
      const applied = await dataSource.query<{ name: string }[]>(`SELECT name FROM migrations ORDER BY id`);
      expect(applied.map((row) => row.name)).toEqual((await loadMigrations()).map((migration) => new migration().name));
      expect(await dataSource.query(`SELECT count(*)::int AS n FROM app_user`)).toEqual([{ n: 0 }]);
    } finally {
      await close();
    }
  });
});
