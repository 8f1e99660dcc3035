import fc from 'fast-check';
import { addDays } from '../src/common/dates.js';
import { violatedConstraint } from '../src/common/database/pg-errors.js';
import { LeasesRepository } from '../src/modules/leases/leases.repository.js';
import { indexedRate } from '../src/modules/rent-bands/rent.js';
import { seedBuilding, seedLeases } from './helpers/factories.js';
import { startTestModule, type TestModule } from './helpers/test-module.js';

/** The leases repository's SQL against the real database (no HTTP), on cases fast-check generates. */
describe('the leases repository', () => {
  let t: TestModule;
  let leases: LeasesRepository;
  beforeAll(async () => {
    t = await startTestModule();
    leases = t.app.get(LeasesRepository);
  });
  afterAll(() => t?.close());

  it('indexes every running lease in one statement exactly as indexedRate does, round after round', async () => {
    const building = await seedBuilding(t);
    const leaseIds = await seedLeases(t, building.id, 60);
    const rates = fc.sample(fc.integer({ min: 1, max: 200_000 }), { numRuns: leaseIds.length, seed: 42 });
    await t.dataSource.query(
      `UPDATE lease_revision r SET rate_per_m2_year_cents = x.rate FROM unnest($1::uuid[], $2::int[]) AS x(lease_id, rate) WHERE r.lease_id = x.lease_id`,
      [leaseIds, rates],
    );
    // Two-decimal percentages, including the halves where rounding half up matters.
    const percents = [2.5, ...fc.sample(fc.integer({ min: -5000, max: 10000 }), { numRuns: 3, seed: 7 }).map((bps) => bps / 100)];
    const expected = new Map(leaseIds.map((id, index) => [id, rates[index]!]));
    const dates = ['2012-04-01', '2012-07-01', '2012-10-01', '2013-01-01'];
    for (const [round, percent] of percents.entries()) {
      const { indexationId, leasesRevised } = await leases.indexBuilding(building.id, dates[round]!, percent);
      expect(leasesRevised).toBe(leaseIds.length);
      const revised = await t.dataSource.query<{ lease_id: string; rate_per_m2_year_cents: number }[]>(
        `SELECT lease_id, rate_per_m2_year_cents FROM lease_revision WHERE indexation_id = $1`,
        [indexationId],
      );
      for (const [id, rate] of expected) expected.set(id, indexedRate(rate, percent));
      expect(new Map(revised.map((row) => [row.lease_id, row.rate_per_m2_year_cents]))).toEqual(expected);
    }
  });

  it('refuses a second lease on a space exactly when the two periods share a day (the exclusion constraint)', async () => {
    const building = await seedBuilding(t);
    // Each seeded space has one lease, 2012-01-01 to 2013-06-30; a second period is tried on each.
    const cases = fc.sample(
      fc.record({ startOffset: fc.integer({ min: 0, max: 1100 }), days: fc.option(fc.integer({ min: 0, max: 400 })) }),
      { numRuns: 40, seed: 3 },
    );
    const edges = [
      { startOffset: 364, days: 0 }, // 2011-12-31, one day: just before
      { startOffset: 365, days: 0 }, // 2012-01-01: the first day
      { startOffset: 911, days: 10 }, // 2013-06-30: the last day
      { startOffset: 912, days: null }, // 2013-07-01, open-ended: just after
    ];
    const periods = [...edges, ...cases].map(({ startOffset, days }) => {
      const startDate = addDays('2011-01-01', startOffset);
      return { startDate, endDate: days === null ? null : addDays(startDate, days) };
    });
    await seedLeases(t, building.id, periods.length);
    const existing = await t.dataSource.query<{ tenant_id: string; space_id: string; area_m2: string }[]>(
      `SELECT tenant_id, space_id, area_m2 FROM lease WHERE building_id = $1 ORDER BY space_id`,
      [building.id],
    );
    for (const [index, period] of periods.entries()) {
      const { tenant_id, space_id, area_m2 } = existing[index]!;
      const overlaps = period.startDate <= '2013-06-30' && (period.endDate === null || period.endDate >= '2012-01-01');
      const outcome = await t.dataSource
        .transaction((manager) =>
          leases.insertWithSigningRevision(manager, {
            tenantId: tenant_id,
            spaceId: space_id,
            buildingId: building.id,
            ...period,
            noticeMonths: 1,
            bandCode: 'A',
            ratePerM2YearCents: 6000,
            areaM2: Number(area_m2),
            serviceChargeMonthlyCents: 0,
            depositCents: 0,
            vatRegime: 'exempt',
            taxableUsePercent: null,
            smallBusinessScheme: null,
          }),
        )
        .then(
          () => 'inserted',
          (error: unknown) => violatedConstraint(error),
        );
      expect({ period, outcome }).toEqual({ period, outcome: overlaps ? 'ex_lease_space_period' : 'inserted' });
    }
  });
});
