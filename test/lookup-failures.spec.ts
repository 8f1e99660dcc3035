import { QueryFailedError } from 'typeorm';
import { SYSTEM_PRINCIPAL } from '../src/common/auth/principal.js';
import { NotFoundError } from '../src/common/errors/domain-error.js';
import { toErrorResponse } from '../src/common/errors/error-mapping.js';
import { AllocationsService } from '../src/modules/applications/allocations.service.js';
import { ApplicationsService } from '../src/modules/applications/applications.service.js';
import { BUILDINGS_ERRORS } from '../src/modules/buildings/buildings.errors.js';
import { FloorsService } from '../src/modules/floors/floors.service.js';
import { InvoiceRunsService } from '../src/modules/invoices/invoice-runs.service.js';
import { LeasesService } from '../src/modules/leases/leases.service.js';
import { RentBandsService } from '../src/modules/rent-bands/rent-bands.service.js';
import { SPACES_ERRORS } from '../src/modules/spaces/spaces.errors.js';

const ID = '00000000-0000-4000-8000-000000000001';
const PARENT_ID = '00000000-0000-4000-8000-000000000002';

/** What pg reports when the server goes away mid-query, as TypeORM wraps it. */
function databaseOutage(): QueryFailedError {
  const driverError = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
  return new QueryFailedError('SELECT 1', [], driverError);
}

const parentNotFound = () => new NotFoundError(BUILDINGS_ERRORS.building_not_found, { id: PARENT_ID });
const unused = {} as never;

/**
 * Each lookup first finds its record, then asks another service about the record's parent; that second
 * call fails with `failure`. Only "not found" may become the lookup's own answer.
 */
const LOOKUPS: { name: string; answersNotFoundWith: string; run: (failure: Error) => Promise<unknown> }[] = [
  {
    name: 'a floor, whose building is checked',
    answersNotFoundWith: 'floor_not_found',
    run: (failure) =>
      new FloorsService(
        { findById: async () => ({ id: ID, buildingId: PARENT_ID }) } as never,
        { getVisible: () => Promise.reject(failure) } as never,
        unused,
      ).getVisible(ID, SYSTEM_PRINCIPAL),
  },
  {
    name: 'an invoice run, whose building is checked',
    answersNotFoundWith: 'invoice_run_not_found',
    run: (failure) =>
      new InvoiceRunsService(
        { findRun: async () => ({ id: ID, buildingId: PARENT_ID }) } as never,
        unused,
        unused,
        { getVisible: () => Promise.reject(failure) } as never,
        unused,
        unused,
        unused,
        unused,
      ).get(ID, SYSTEM_PRINCIPAL),
  },
  {
    name: 'an application round, whose building is checked',
    answersNotFoundWith: 'application_round_not_found',
    run: (failure) =>
      new ApplicationsService(
        { findRound: async () => ({ id: ID, buildingId: PARENT_ID }) } as never,
        { getVisible: () => Promise.reject(failure) } as never,
        unused,
        unused,
        unused,
      ).getRound(ID, SYSTEM_PRINCIPAL),
  },
  {
    name: 'an offer, whose application is checked',
    answersNotFoundWith: 'offer_not_found',
    run: (failure) =>
      new AllocationsService(
        { findOffer: async () => ({ id: ID, applicationId: PARENT_ID, status: 'open' }) } as never,
        { getVisible: () => Promise.reject(failure) } as never,
        unused,
        unused,
        unused,
        unused,
        unused,
      ).decline(ID, SYSTEM_PRINCIPAL),
  },
  {
    name: 'the building of a band assessment',
    answersNotFoundWith: BUILDINGS_ERRORS.unknown_building.code,
    run: (failure) =>
      new RentBandsService(
        unused,
        { getVisible: () => Promise.reject(failure) } as never,
        { getVisible: async () => ({ id: ID }) } as never,
        unused,
      ).assess(ID, { buildingId: PARENT_ID, basisYear: 2011, incomeCents: 1_000_000 }, SYSTEM_PRINCIPAL),
  },
  {
    name: 'the space of a new lease',
    answersNotFoundWith: SPACES_ERRORS.unknown_space.code,
    run: (failure) =>
      new LeasesService(unused, { get: () => Promise.reject(failure) } as never, unused, unused, unused, unused, unused).create(
        { spaceId: PARENT_ID } as never,
        SYSTEM_PRINCIPAL,
      ),
  },
];

describe('a lookup whose second step fails', () => {
  it.each(LOOKUPS)('passes a database outage on as a 500, not a 404, for $name', async ({ run }) => {
    const outage = databaseOutage();
    const error = await run(outage).catch((thrown: unknown) => thrown);
    expect(error).toBe(outage);
    expect(toErrorResponse(error)).toBeNull();
  });

  it.each(LOOKUPS)('still answers "not found" in its own words for $name', async ({ run, answersNotFoundWith }) => {
    const error = await run(parentNotFound()).catch((thrown: unknown) => thrown);
    expect(toErrorResponse(error)).toMatchObject({ code: answersNotFoundWith });
  });
});
