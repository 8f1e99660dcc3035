import { APPLICATION_STATUSES } from '../src/modules/applications/application.entity.js';
import { canMove, statusesThatMayBecome } from '../src/modules/applications/application-rules.js';
import { ApplicationsRepository } from '../src/modules/applications/applications.repository.js';
import { seedBuilding } from './helpers/factories.js';
import { startTestModule, type TestModule } from './helpers/test-module.js';

describe('the applications repository', () => {
  let t: TestModule;
  beforeAll(async () => {
    t = await startTestModule();
  });
  afterAll(() => t?.close());

  it('moves an application in its SQL exactly when the transition rules allow it, for every pair of states', async () => {
    const applications = t.app.get(ApplicationsRepository);
    const building = await seedBuilding(t);
    const pairs = APPLICATION_STATUSES.flatMap((from) => APPLICATION_STATUSES.map((to) => ({ from, to })));
    const rows = await t.dataSource.query<{ id: string; n: string }[]>(
      `WITH round AS (INSERT INTO application_round (building_id, name, opens_on, closes_on)
                      VALUES ($1, 'Ronde', '2012-01-01', '2012-02-01') RETURNING id)
       INSERT INTO application (round_id, group_name, plan, status, contact_user_id, submitted_at)
       SELECT round.id, 'Groep ' || n, 'Plan', status, (SELECT id FROM app_user LIMIT 1), CASE WHEN status = 'draft' THEN NULL ELSE now() END
         FROM round, unnest($2::text[]) WITH ORDINALITY AS x(status, n)
       RETURNING id, substr(group_name, 7) AS n`,
      [building.id, pairs.map((pair) => pair.from)],
    );
    const idOf = new Map(rows.map((row) => [Number(row.n) - 1, row.id]));
    for (const [index, { from, to }] of pairs.entries()) {
      const id = idOf.get(index)!;
      const moved = await applications.transaction((manager) => applications.transition(manager, id, statusesThatMayBecome(to), to, null));
      const [row] = await t.dataSource.query<{ status: string }[]>(`SELECT status FROM application WHERE id = $1`, [id]);
      expect({ from, to, moved, status: row!.status }).toEqual({
        from,
        to,
        moved: canMove(from, to),
        status: canMove(from, to) ? to : from,
      });
    }
  });
});
