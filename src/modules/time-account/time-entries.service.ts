import { Injectable } from '@nestjs/common';
import {
  mayChangeTimeEntry,
  mayDecideTimeEntry,
  mayReadTimeEntry,
  staffUmbrellaOf,
  requireCapability,
  timeEntryListScopeOf,
} from '../../common/auth/access-policy.js';
import type { Principal } from '../../common/auth/principal.js';
import { Clock } from '../../common/clock/clock.js';
import { periodRange } from '../../common/dates.js';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../../common/errors/domain-error.js';
import type { Page } from '../../common/pagination/page.js';
import { actorOf, DomainEvents } from '../../events/domain-events.js';
import { BuildingsService } from '../buildings/buildings.service.js';
import type { DecideTimeDto, RecordTimeDto, TimeEntryQueryDto, UpdateTimeDto } from './dto/time-account.dto.js';
import { TIME_ACCOUNT_ERRORS } from './time-account.errors.js';
import type { TimeEntry, WorkingGroup } from './time-account.entity.js';
import { TimeAccountRepository } from './time-account.repository.js';
import { hoursOf, MAX_QUARTERS_PER_DAY, quartersOf } from './time-rules.js';

/**
 * Hours a maker gives to the building: recorded by the maker, approved or rejected by the coordinator of the working group
 * (or an admin), final once approved. A person's day holds at most 16 hours, settled under a lock of that person's day.
 */
@Injectable()
export class TimeEntriesService {
  constructor(
    private readonly repository: TimeAccountRepository,
    private readonly buildings: BuildingsService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  async record(input: RecordTimeDto, principal: Principal): Promise<TimeEntry> {
    requireCapability(principal, 'time.record');
    const tenantId = principal.tenantId;
    if (tenantId === null) throw new ForbiddenError();
    const building = await this.buildings.getVisible(input.buildingId, principal);
    const quarters = this.quartersOf(input.hours);
    this.notInFuture(input.date);
    const workingGroupId = await this.groupOf(input.workingGroupId ?? null, building.id);
    if (!(await this.repository.isTenantOf(tenantId, building.id, input.date)))
      throw new RuleError(TIME_ACCOUNT_ERRORS.not_a_tenant_of_building);
    return this.repository.transaction(async (manager) => {
      await this.repository.lockDay(manager, tenantId, input.date);
      await this.fitsTheDay(manager, tenantId, input.date, quarters, null);
      return this.repository.insertEntry(manager, {
        buildingId: building.id,
        tenantId,
        workingGroupId,
        date: input.date,
        quarters,
        kind: input.kind,
        description: input.description.trim(),
      });
    });
  }

  /** The maker changes an entry while it is pending; a decided one is final (409). */
  async update(id: string, input: UpdateTimeDto, principal: Principal): Promise<TimeEntry> {
    const entry = await this.get(id, principal);
    if (!mayChangeTimeEntry(principal, entry)) throw new ForbiddenError();
    this.stillPending(entry);
    const date = input.date ?? entry.date;
    const quarters = input.hours === undefined ? entry.quarters : this.quartersOf(input.hours);
    this.notInFuture(date);
    const workingGroupId =
      input.workingGroupId === undefined ? entry.workingGroupId : await this.groupOf(input.workingGroupId, entry.buildingId);
    if (date !== entry.date && !(await this.repository.isTenantOf(entry.tenantId, entry.buildingId, date)))
      throw new RuleError(TIME_ACCOUNT_ERRORS.not_a_tenant_of_building);
    return this.repository.transaction(async (manager) => {
      // Both days: the one it leaves and the one it lands on, in one order so that two changes never wait for each other.
      for (const day of [...new Set([entry.date, date])].sort()) await this.repository.lockDay(manager, entry.tenantId, day);
      const locked = await this.repository.lockPending(manager, id);
      if (!locked) throw new NotFoundError(TIME_ACCOUNT_ERRORS.time_entry_not_found, { id });
      this.stillPending(locked);
      await this.fitsTheDay(manager, entry.tenantId, date, quarters, id);
      await this.repository.updateEntry(manager, id, {
        date,
        quarters,
        workingGroupId,
        kind: input.kind ?? entry.kind,
        description: input.description?.trim() ?? entry.description,
      });
      return (await this.repository.findEntry(id, manager))!;
    });
  }

  async remove(id: string, principal: Principal): Promise<void> {
    const entry = await this.get(id, principal);
    if (!mayChangeTimeEntry(principal, entry)) throw new ForbiddenError();
    await this.repository.transaction(async (manager) => {
      const locked = await this.repository.lockPending(manager, id);
      if (!locked) throw new NotFoundError(TIME_ACCOUNT_ERRORS.time_entry_not_found, { id });
      this.stillPending(locked);
      await this.repository.deleteEntry(manager, id);
    });
  }

  /** Approve or reject: the coordinator of the entry's group or an admin; once, and an approved entry is final. */
  async decide(id: string, input: DecideTimeDto, principal: Principal): Promise<TimeEntry> {
    const entry = await this.get(id, principal);
    if (!mayDecideTimeEntry(principal, entry, await this.coordinates(principal, entry))) throw new ForbiddenError();
    return this.repository.transaction(async (manager) => {
      const decided = await this.repository.decide(manager, id, {
        status: input.decision,
        decidedBy: actorOf(principal),
        rejectionReason: input.decision === 'rejected' ? (input.reason?.trim() ?? null) : null,
      });
      if (!decided) this.stillPending((await this.repository.findEntry(id, manager))!);
      await this.events.record(manager, {
        type: input.decision === 'approved' ? 'time-entry.approved' : 'time-entry.rejected',
        entityId: id,
        actorUserId: actorOf(principal),
        payload: {
          buildingId: entry.buildingId,
          tenantId: entry.tenantId,
          date: entry.date,
          hours: hoursOf(entry.quarters),
          kind: entry.kind,
        },
      });
      return (await this.repository.findEntry(id, manager))!;
    });
  }

  /** The maker's own entry, its coordinator's or any for admins; to anyone else it does not exist. */
  async get(id: string, principal: Principal): Promise<TimeEntry> {
    const entry = await this.repository.findEntry(id);
    if (
      !entry ||
      !mayReadTimeEntry(principal, entry, await this.coordinates(principal, entry)) ||
      // An umbrella's staff reach the entries of its own buildings only.
      (staffUmbrellaOf(principal) !== null && !(await this.buildings.isVisible(entry.buildingId, principal)))
    )
      throw new NotFoundError(TIME_ACCOUNT_ERRORS.time_entry_not_found, { id });
    return entry;
  }

  /** A maker's own entries and those of the groups it coordinates; admins every entry. Owners and the city see totals only. */
  async list(query: TimeEntryQueryDto, principal: Principal): Promise<Page<TimeEntry>> {
    const scope = timeEntryListScopeOf(principal);
    if (scope === null) throw new ForbiddenError();
    const range = query.period === undefined ? undefined : periodRange(query.period);
    const tenantId = scope.tenantId ?? query.tenantId;
    // A maker asking for another maker's entries sees only those of the groups it coordinates.
    const coordinatedOnly = scope.tenantId !== undefined && query.tenantId !== undefined && query.tenantId !== scope.tenantId;
    return this.repository.findEntries(
      {
        buildingId: query.buildingId,
        buildingIds: staffUmbrellaOf(principal) === null ? undefined : await this.buildings.visibleIds(principal),
        workingGroupId: query.workingGroupId,
        status: query.status,
        from: range?.first,
        to: range?.last,
        ...(coordinatedOnly
          ? { tenantId: query.tenantId, orCoordinatedBy: undefined, coordinatedBy: scope.orCoordinatedBy }
          : { tenantId, orCoordinatedBy: scope.orCoordinatedBy }),
      },
      query,
    );
  }

  /** The working groups the principal's maker coordinates (none for anyone else). */
  coordinatedGroups(principal: Principal): Promise<WorkingGroup[]> {
    return principal.role === 'tenant' && principal.tenantId !== null
      ? this.repository.groupsCoordinatedBy(principal.tenantId)
      : Promise.resolve([]);
  }

  private async coordinates(principal: Principal, entry: TimeEntry): Promise<boolean> {
    if (principal.role !== 'tenant' || principal.tenantId === null || entry.workingGroupId === null) return false;
    const group = await this.repository.findGroup(entry.workingGroupId);
    return group?.coordinatorTenantId === principal.tenantId;
  }

  private quartersOf(hours: number): number {
    const quarters = quartersOf(hours);
    if (quarters === null || quarters < 1 || quarters > MAX_QUARTERS_PER_DAY) throw new RuleError(TIME_ACCOUNT_ERRORS.not_in_quarters);
    return quarters;
  }

  private notInFuture(date: string): void {
    const today = this.clock.today();
    if (date > today) throw new RuleError(TIME_ACCOUNT_ERRORS.time_entry_in_future, { today });
  }

  private async groupOf(workingGroupId: string | null, buildingId: string): Promise<string | null> {
    if (workingGroupId === null) return null;
    const group = await this.repository.findGroup(workingGroupId);
    if (!group || group.buildingId !== buildingId)
      throw new RuleError(TIME_ACCOUNT_ERRORS.working_group_of_other_building, { workingGroupId });
    return group.id;
  }

  private async fitsTheDay(
    manager: Parameters<TimeAccountRepository['lockDay']>[0],
    tenantId: string,
    date: string,
    quarters: number,
    exceptId: string | null,
  ) {
    const total = (await this.repository.quartersOnDay(manager, tenantId, date, exceptId)) + quarters;
    if (total > MAX_QUARTERS_PER_DAY) throw new RuleError(TIME_ACCOUNT_ERRORS.day_over_sixteen_hours, { hours: hoursOf(total), date });
  }

  private stillPending(entry: TimeEntry): void {
    if (entry.status !== 'pending') throw new ConflictError(TIME_ACCOUNT_ERRORS.time_entry_decided, { status: entry.status });
  }
}
