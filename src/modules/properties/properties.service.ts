import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  mayMonitorCity,
  propertyCandidateUmbrellaOf,
  propertyOwnerFor,
  propertyScopeOf,
  requireCapability,
} from '../../common/auth/access-policy.js';
import type { Principal } from '../../common/auth/principal.js';
import { Clock } from '../../common/clock/clock.js';
import { translateConstraintViolations } from '../../common/database/pg-errors.js';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../../common/errors/domain-error.js';
import type { Page } from '../../common/pagination/page.js';
import { actorOf, DomainEvents } from '../../events/domain-events.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import type { CreatePropertyDto, PropertyFilterDto } from './dto/property.dto.js';
import type { OpenVacancyDto } from './dto/vacancy-period.dto.js';
import { PROPERTIES_ERRORS } from './properties.errors.js';
import { PropertiesRepository } from './properties.repository.js';
import type { PropertyFloor } from './property-floor.entity.js';
import type { Property, PublicationLevel } from './property.entity.js';
import type { VacancyPeriod, VacancySource } from './vacancy-period.entity.js';
import type { RecordInterimUseDto } from './dto/interim-use.dto.js';
import type { InterimUse } from './interim-use.entity.js';
import { type NoticeWarning, noticeWarnings } from './interim-use.js';
import { SYSTEM_PRINCIPAL } from '../../common/auth/principal.js';
import { periodRange } from '../../common/dates.js';
import { type VacancyPipeline, vacancyPipeline } from './pipeline.js';
import { type MatchProfile, type MatchProperty, rankCandidates } from '../search-profiles/matching.js';
import { SearchProfilesService } from '../search-profiles/search-profiles.service.js';

/** A property as the register shows it: with its floors and its open vacancy period (null: in use). */
export interface PropertyRecord {
  property: Property;
  floors: PropertyFloor[];
  openVacancy: VacancyPeriod | null;
}

/**
 * A property as one principal may read it: `full` (the register's record: its owner, the city, the
 * installation's admins) or `candidate` (an umbrella's staff: only what a matching candidate needs).
 */
export type VisibleProperty = { detail: 'full'; record: PropertyRecord } | { detail: 'candidate'; record: PropertyRecord };

/** What matching compares of a property: its vacant m², district, type and the open vacancy's availability. */
export function matchPropertyOf({ property, floors, openVacancy }: PropertyRecord): MatchProperty {
  return {
    areaM2: vacantM2Of(floors),
    district: property.district,
    useCategory: property.useCategory,
    availableFrom: openVacancy?.availableFrom ?? null,
    availableUntil: openVacancy?.availableUntil ?? null,
    askingRentPerM2YearCents: null,
  };
}

/** Whether any of the profiles passes every hard condition of matching on the property (soft criteria do not count). */
export function fitsAnyProfile(record: PropertyRecord, profiles: readonly MatchProfile[], today: string): boolean {
  return profiles.length > 0 && rankCandidates(matchPropertyOf(record), profiles, today).some((candidate) => candidate.eligible);
}

/** A guardian's loan for use (bruikleen) ends on 28 days' notice unless agreed otherwise. */
export const GUARDIANSHIP_NOTICE_DAYS = 28;

export function totalM2Of(floors: Pick<PropertyFloor, 'totalM2'>[]): number {
  return Math.round(floors.reduce((sum, floor) => sum + floor.totalM2 * 100, 0)) / 100;
}

export function vacantM2Of(floors: Pick<PropertyFloor, 'vacantM2'>[]): number {
  return Math.round(floors.reduce((sum, floor) => sum + floor.vacantM2 * 100, 0)) / 100;
}

@Injectable()
export class PropertiesService {
  constructor(
    private readonly properties: PropertiesRepository,
    private readonly organisations: OrganisationsService,
    private readonly profiles: SearchProfilesService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  /**
   * Records a property with its floors. An owner records its own; the city one in its city, for
   * any owner; admins any. Vacant m² over a floor's total is refused (422, per floor).
   */
  async create(input: CreatePropertyDto, principal: Principal): Promise<PropertyRecord> {
    requireCapability(principal, 'properties.write');
    const ownerId = propertyOwnerFor(principal, input.ownerId);
    if (ownerId === null) throw new RuleError(PROPERTIES_ERRORS.owner_required, {}, [{ field: 'ownerId', message: 'required' }]);
    await this.organisations.requireOfKind(ownerId, 'owner', 'ownerId');
    await this.requireInOwnCity(principal, input.city);
    checkFloors(input.floors);
    if ((input.latitude === undefined) !== (input.longitude === undefined)) {
      throw new RuleError(PROPERTIES_ERRORS.coordinates_incomplete, {}, [
        { field: input.latitude === undefined ? 'latitude' : 'longitude', message: 'latitude and longitude come together' },
      ]);
    }
    const floors = input.floors.map((floor) => ({ level: floor.level, totalM2: floor.totalM2, vacantM2: floor.vacantM2 }));
    return translateConstraintViolations(
      () =>
        this.properties.transaction(async (manager) => {
          const property = await this.properties.insert(
            manager,
            {
              name: input.name.trim(),
              address: input.address.trim(),
              postcode: input.postcode?.replace(/^(\d{4}) ?([A-Z]{2})$/, '$1 $2') ?? null,
              city: input.city.trim(),
              district: input.district?.trim() ?? null,
              bagPandId: input.bagPandId ?? null,
              bagVerblijfsobjectId: input.bagVerblijfsobjectId ?? null,
              useCategory: input.useCategory,
              zoning: input.zoning?.trim() ?? null,
              condition: input.condition ?? null,
              fireSafety: input.fireSafety ?? 'unknown',
              energyLabel: input.energyLabel ?? null,
              ownerId,
              vacancyManager: input.vacancyManager?.trim() ?? null,
              publication: input.publication ?? 'internal',
              offeredOn: null,
              latitude: input.latitude ?? null,
              longitude: input.longitude ?? null,
            },
            floors,
          );
          await this.events.record(manager, {
            type: 'property.registered',
            entityId: property.id,
            payload: {
              ownerId,
              city: property.city,
              district: property.district,
              totalM2: totalM2Of(floors),
              vacantM2: vacantM2Of(floors),
            },
            actorUserId: actorOf(principal),
          });
          if (property.publication !== 'internal') await this.markOfferedIn(manager, property.id, 'publication', principal);
          return {
            property: { ...property, offeredOn: property.publication === 'internal' ? null : this.clock.today() },
            floors: floors.map((floor) => ({ ...floor, propertyId: property.id })),
            openVacancy: null,
          };
        }),
      {
        uq_property_bag_verblijfsobject: () =>
          new ConflictError(PROPERTIES_ERRORS.bag_id_taken, { id: input.bagVerblijfsobjectId ?? '' }, [
            { field: 'bagVerblijfsobjectId', message: 'already registered' },
          ]),
      },
    );
  }

  /**
   * Sets who sees the property (its owner, the city, admins). Published as `matching` or `public`
   * for the first time, it counts as offered from today.
   */
  async publish(id: string, publication: PublicationLevel, principal: Principal): Promise<PropertyRecord> {
    requireCapability(principal, 'properties.write');
    await this.get(id, principal);
    await this.properties.transaction(async (manager) => {
      const property = await this.properties.lock(manager, id);
      if (!property) throw new NotFoundError(PROPERTIES_ERRORS.property_not_found, { id });
      if (property.publication === publication) return;
      await this.properties.setPublication(manager, id, publication);
      await this.events.record(manager, {
        type: 'property.published',
        entityId: id,
        payload: { from: property.publication, to: publication },
        actorUserId: actorOf(principal),
      });
      if (publication !== 'internal') await this.markOfferedIn(manager, id, 'publication', principal);
    });
    return this.get(id, principal);
  }

  /**
   * Records, inside the caller's transaction, that the property is put up for matching or a tender
   * today, if it never was: the first day stays, and only that one is an event (`property.offered`).
   */
  async markOfferedIn(manager: EntityManager, id: string, by: 'publication' | 'tender', principal: Principal): Promise<void> {
    const offeredOn = this.clock.today();
    if (!(await this.properties.markOffered(manager, id, offeredOn))) return;
    await this.events.record(manager, {
      type: 'property.offered',
      entityId: id,
      payload: { offeredOn, by },
      actorUserId: actorOf(principal),
    });
  }

  /** The property if this principal may see it in full; one it may not see answers as an unknown one (404). */
  async get(id: string, principal: Principal): Promise<PropertyRecord> {
    requireCapability(principal, 'properties.read');
    const property = await this.properties.findVisible(id, propertyScopeOf(principal));
    if (!property) throw new NotFoundError(PROPERTIES_ERRORS.property_not_found, { id });
    const [records] = await this.withDetails([property]);
    return records!;
  }

  /**
   * One property as this principal may read it: in full within its scope, or (an umbrella's staff)
   * as a candidate when it is public or published for matching and one of its umbrella's profiles fits.
   */
  async read(id: string, principal: Principal): Promise<VisibleProperty> {
    requireCapability(principal, 'properties.read');
    const umbrellaId = propertyCandidateUmbrellaOf(principal);
    if (umbrellaId === null) return { detail: 'full', record: await this.get(id, principal) };
    const property = await this.properties.findVisible(id, { kind: 'candidate', fittingIds: await this.fittingIdsOf(umbrellaId) });
    if (!property) throw new NotFoundError(PROPERTIES_ERRORS.property_not_found, { id });
    const [record] = await this.withDetails([property]);
    return { detail: 'candidate', record: record! };
  }

  /** The list as this principal may read it: the register in its scope, or an umbrella's candidate view (see `read`). */
  async browse(filter: PropertyFilterDto, page: { limit: number; offset: number }, principal: Principal): Promise<Page<VisibleProperty>> {
    requireCapability(principal, 'properties.read');
    const umbrellaId = propertyCandidateUmbrellaOf(principal);
    if (umbrellaId === null) {
      const found = await this.list(filter, page, principal);
      return { items: found.items.map((record) => ({ detail: 'full', record })), total: found.total };
    }
    const fileFilters = (['status', 'minMonthsVacant', 'maxMonthsVacant'] as const).filter((field) => filter[field] !== undefined);
    if (fileFilters.length > 0) {
      throw new RuleError(
        PROPERTIES_ERRORS.filter_not_for_candidates,
        {},
        fileFilters.map((field) => ({ field, message: 'not available to umbrellas' })),
      );
    }
    const scope = { kind: 'candidate', fittingIds: await this.fittingIdsOf(umbrellaId) } as const;
    const found = await this.properties.findVisiblePage(scope, filter, this.clock.today(), page);
    return { items: (await this.withDetails(found.items)).map((record) => ({ detail: 'candidate', record })), total: found.total };
  }

  /** The register in this principal's scope, by name, filtered. */
  async list(filter: PropertyFilterDto, page: { limit: number; offset: number }, principal: Principal): Promise<Page<PropertyRecord>> {
    requireCapability(principal, 'properties.read');
    const found = await this.properties.findVisiblePage(propertyScopeOf(principal), filter, this.clock.today(), page);
    return { items: await this.withDetails(found.items), total: found.total };
  }

  /** The whole filtered register in scope, for an export. */
  async listAll(filter: PropertyFilterDto, principal: Principal): Promise<PropertyRecord[]> {
    requireCapability(principal, 'properties.read');
    return this.withDetails(await this.properties.findAllVisible(propertyScopeOf(principal), filter, this.clock.today()));
  }

  /**
   * The public list: only properties published as public, for anyone. The caller maps them to the
   * public shape (address, m², availability), never the owner, the reason or the file.
   */
  async listPublic(filter: PropertyFilterDto, page: { limit: number; offset: number }): Promise<Page<PropertyRecord>> {
    const found = await this.properties.findVisiblePage({ kind: 'all' }, { ...filter, publicOnly: true }, this.clock.today(), page);
    return { items: await this.withDetails(found.items), total: found.total };
  }

  /** The property's vacancy periods, latest first. */
  async vacancies(propertyId: string, principal: Principal): Promise<VacancyPeriod[]> {
    await this.get(propertyId, principal);
    return this.properties.vacanciesOf(propertyId);
  }

  /** Records that the property stands empty (since, reason, prospects, availability): its owner, the city or admins. */
  async openVacancy(propertyId: string, input: OpenVacancyDto, principal: Principal): Promise<VacancyPeriod> {
    requireCapability(principal, 'properties.write');
    await this.get(propertyId, principal);
    return this.properties.transaction((manager) =>
      this.openVacancyIn(manager, propertyId, { ...input, source: 'register' }, actorOf(principal), principal),
    );
  }

  /**
   * A neighbour's signal: the city opens a period on the property without storing who reported it
   * (no recorder, no reporter). The reason is `unknown` until the owner tells.
   */
  async recordSignal(propertyId: string, input: { vacantSince: string }, principal: Principal): Promise<VacancyPeriod> {
    requireCapability(principal, 'vacancy-files.decide');
    await this.get(propertyId, principal);
    return this.properties.transaction((manager) =>
      this.openVacancyIn(manager, propertyId, { vacantSince: input.vacantSince, reason: 'unknown', source: 'signal' }, null, principal),
    );
  }

  /**
   * Opens a period inside the caller's transaction (a use that ended, a signal): the property is
   * locked, so two at once end with one period and one 409.
   */
  async openVacancyIn(
    manager: EntityManager,
    propertyId: string,
    input: OpenVacancyDto & { source: VacancySource },
    recordedBy: string | null,
    principal: Principal,
  ): Promise<VacancyPeriod> {
    checkVacancyDates(input, this.clock.today());
    const property = await this.properties.lock(manager, propertyId);
    if (!property) throw new NotFoundError(PROPERTIES_ERRORS.property_not_found, { id: propertyId });
    const previous = await this.properties.lastEndedVacancy(manager, propertyId);
    if (previous?.endedOn && input.vacantSince < previous.endedOn) {
      throw new RuleError(PROPERTIES_ERRORS.vacancy_before_previous, { endedOn: previous.endedOn }, [
        { field: 'vacantSince', message: `must be on or after ${previous.endedOn}` },
      ]);
    }
    return translateConstraintViolations(
      async () => {
        const period = await this.properties.insertVacancy(manager, {
          propertyId,
          vacantSince: input.vacantSince,
          reason: input.reason,
          ownerProspects: input.ownerProspects?.trim() ?? null,
          availableFrom: input.availableFrom ?? null,
          availableUntil: input.availableUntil ?? null,
          source: input.source,
          status: 'open',
          endedOn: null,
          recordedBy,
          reportDueOn: null,
        });
        await this.events.record(manager, {
          type: 'vacancy.opened',
          entityId: period.id,
          payload: { propertyId, ownerId: property.ownerId, vacantSince: period.vacantSince, source: input.source },
          actorUserId: actorOf(principal),
        });
        return period;
      },
      { uq_vacancy_period_open: () => new ConflictError(PROPERTIES_ERRORS.vacancy_already_open) },
    );
  }

  /** Ends the property's open vacancy period (it is in use again) inside the caller's transaction; none open: nothing to do. */
  async endOpenVacancyIn(manager: EntityManager, propertyId: string, endedOn: string, principal: Principal): Promise<VacancyPeriod | null> {
    const [open] = await this.properties.openVacanciesOf([propertyId], manager);
    if (!open) return null;
    const ended = { ...open, status: 'ended' as const, endedOn: endedOn < open.vacantSince ? open.vacantSince : endedOn };
    await this.properties.updateVacancy(manager, open.id, { status: ended.status, endedOn: ended.endedOn });
    await this.events.record(manager, {
      type: 'vacancy.ended',
      entityId: open.id,
      payload: { propertyId, endedOn: ended.endedOn },
      actorUserId: actorOf(principal),
    });
    return ended;
  }

  /** Guardianship or a temporary letting of the property (owner, city, admins). */
  async recordInterimUse(propertyId: string, input: RecordInterimUseDto, principal: Principal): Promise<InterimUse> {
    requireCapability(principal, 'properties.write');
    await this.get(propertyId, principal);
    if (input.endsOn !== undefined && input.endsOn <= input.startsOn) {
      throw new RuleError(PROPERTIES_ERRORS.interim_use_period_invalid, {}, [{ field: 'endsOn', message: 'must be after startsOn' }]);
    }
    if (input.kind === 'temporary-letting' && (input.permitReference === undefined || input.endsOn === undefined)) {
      throw new RuleError(PROPERTIES_ERRORS.letting_needs_permit, {}, [
        { field: input.permitReference === undefined ? 'permitReference' : 'endsOn', message: 'required for a temporary letting' },
      ]);
    }
    return this.properties.transaction(async (manager) => {
      const use = await this.properties.insertInterimUse(manager, {
        propertyId,
        kind: input.kind,
        manager: input.manager.trim(),
        startsOn: input.startsOn,
        endsOn: input.endsOn ?? null,
        noticeDays: input.noticeDays ?? (input.kind === 'guardianship' ? GUARDIANSHIP_NOTICE_DAYS : 0),
        permitReference: input.permitReference?.trim() ?? null,
      });
      await this.events.record(manager, {
        type: 'interim-use.recorded',
        entityId: use.id,
        payload: { propertyId, kind: use.kind, startsOn: use.startsOn, endsOn: use.endsOn, noticeDays: use.noticeDays },
        actorUserId: actorOf(principal),
      });
      return use;
    });
  }

  async interimUses(propertyId: string, principal: Principal): Promise<InterimUse[]> {
    await this.get(propertyId, principal);
    return this.properties.interimUsesOf(propertyId);
  }

  /**
   * The interim uses a broedplaats starting on `plannedStart` collides with: a guardianship whose
   * notice, given today, would not end it in time, or a permit running past it. For a conversion to show.
   */
  async noticeWarnings(propertyId: string, plannedStart: string, principal: Principal): Promise<NoticeWarning[]> {
    return noticeWarnings(await this.interimUses(propertyId, principal), plannedStart, this.clock.today());
  }

  /**
   * Opens a vacancy period on every property whose use (a building's head lease) ended by `day` with
   * no use since: from the day the use ended, source `use-ended`. Asked by the daily run; a property
   * that already has a period from then on is left alone, so a repeated run opens nothing twice.
   */
  async openVacanciesForEndedUses(day: string): Promise<number> {
    let opened = 0;
    for (const { propertyId, useEnd } of await this.properties.endedUsesWithoutVacancy(day)) {
      await translateConstraintViolations(
        () =>
          this.properties.transaction((manager) =>
            this.openVacancyIn(
              manager,
              propertyId,
              { vacantSince: useEnd, reason: 'use-ended', source: 'use-ended' },
              null,
              SYSTEM_PRINCIPAL,
            ),
          ),
        { uq_vacancy_period_open: () => new ConflictError(PROPERTIES_ERRORS.vacancy_already_open) },
      )
        .then(() => opened++)
        .catch((error: unknown) => {
          if (!(error instanceof ConflictError)) throw error;
        });
    }
    return opened;
  }

  /**
   * The city's pipeline for a period (a year or a month), as of its last day or today while it runs:
   * its municipality and admins only (aggregates, no owner or file).
   */
  /** A municipality's own city (null for anyone else). */
  async ownCityOf(principal: Principal): Promise<string | null> {
    return principal.role === 'municipality' && principal.organisationId !== null
      ? (await this.organisations.get(principal.organisationId)).city
      : null;
  }

  async pipeline(city: string, period: string, principal: Principal): Promise<VacancyPipeline> {
    const ownCity =
      principal.role === 'municipality' && principal.organisationId !== null
        ? (await this.organisations.get(principal.organisationId)).city
        : null;
    if (!mayMonitorCity(principal, city, ownCity)) throw new ForbiddenError();
    const generatedOn = this.clock.today();
    const { last } = periodRange(period);
    const asOf = last < generatedOn ? last : generatedOn;
    const facts = await this.properties.pipelineFacts(city);
    return vacancyPipeline({ city, period, asOf, generatedOn, ...facts });
  }

  /** The properties published for matching that one of the umbrella's search profiles fits on every hard condition. */
  private async fittingIdsOf(umbrellaId: string): Promise<string[]> {
    const profiles = await this.profiles.allForMatching({ umbrellaId });
    if (profiles.length === 0) return [];
    const today = this.clock.today();
    const offered = await this.withDetails(await this.properties.findPublishedForMatching());
    return offered.filter((record) => fitsAnyProfile(record, profiles, today)).map((record) => record.property.id);
  }

  private async withDetails(properties: Property[]): Promise<PropertyRecord[]> {
    const ids = properties.map((property) => property.id);
    const [floors, open] = await Promise.all([this.properties.floorsOf(ids), this.properties.openVacanciesOf(ids)]);
    return properties.map((property) => ({
      property,
      floors: floors.filter((floor) => floor.propertyId === property.id),
      openVacancy: open.find((period) => period.propertyId === property.id) ?? null,
    }));
  }

  /** The city records only in its own city. */
  private async requireInOwnCity(principal: Principal, city: string): Promise<void> {
    if (principal.role !== 'municipality' || principal.organisationId === null) return;
    const municipality = await this.organisations.get(principal.organisationId);
    if ((municipality.city ?? '').toLowerCase() !== city.trim().toLowerCase()) {
      throw new RuleError(PROPERTIES_ERRORS.outside_city, { city: municipality.city ?? '' }, [
        { field: 'city', message: 'not your municipality' },
      ]);
    }
  }
}

function checkFloors(floors: { level: number; totalM2: number; vacantM2: number }[]): void {
  const seen = new Set<number>();
  floors.forEach((floor, index) => {
    if (seen.has(floor.level)) {
      throw new RuleError(PROPERTIES_ERRORS.duplicate_floor, { level: floor.level }, [
        { field: `floors.${index}.level`, message: 'listed twice' },
      ]);
    }
    seen.add(floor.level);
  });
  const over = floors.flatMap((floor, index) =>
    floor.vacantM2 > floor.totalM2 ? [{ field: `floors.${index}.vacantM2`, message: `more than the floor's ${floor.totalM2} m²` }] : [],
  );
  if (over.length > 0) throw new RuleError(PROPERTIES_ERRORS.vacant_over_total, {}, over);
}

function checkVacancyDates(input: { vacantSince: string; availableFrom?: string; availableUntil?: string }, today: string): void {
  if (input.vacantSince > today) {
    throw new RuleError(PROPERTIES_ERRORS.vacancy_in_future, { today }, [{ field: 'vacantSince', message: `must not be after ${today}` }]);
  }
  if (input.availableFrom !== undefined && input.availableUntil !== undefined && input.availableUntil <= input.availableFrom) {
    throw new RuleError(PROPERTIES_ERRORS.availability_invalid, {}, [{ field: 'availableUntil', message: 'must be after availableFrom' }]);
  }
}
