import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page.js';
import { IsIsoDate, IsPeriod } from '../../../common/validation/validators.js';
import type { HourlyValue, ProgrammeEvent, Subsidy, TimeEntry, WorkingGroup } from '../time-account.entity.js';
import {
  EVENT_KINDS,
  hoursOf,
  type ProgrammeEventKind,
  TIME_ENTRY_STATUSES,
  TIME_KINDS,
  type TimeEntryStatus,
  type TimeKind,
} from '../time-rules.js';

export class CreateWorkingGroupDto {
  @ApiProperty({ example: 'Bouw en onderhoud' }) @IsString() @Length(1, 200) name!: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'A tenant of the building who coordinates the group' })
  @IsOptional()
  @IsUUID()
  coordinatorTenantId?: string | null;
}

export class UpdateWorkingGroupDto {
  @ApiPropertyOptional({ example: 'Bouw en onderhoud' }) @IsOptional() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @IsUUID() coordinatorTenantId?: string | null;
}

export class WorkingGroupResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) buildingId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) coordinatorTenantId!: string | null;
}

export function toWorkingGroupResponse(group: WorkingGroup): WorkingGroupResponseDto {
  return { id: group.id, buildingId: group.buildingId, name: group.name, coordinatorTenantId: group.coordinatorTenantId };
}

export class RecordTimeDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() buildingId!: string;
  @ApiProperty({ example: '2012-03-14', description: 'Not after today' }) @IsIsoDate() date!: string;
  @ApiProperty({ example: 2.75, description: 'Hours in quarters (0.25 … 16)' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  hours!: number;
  @ApiProperty({ enum: TIME_KINDS }) @IsIn(TIME_KINDS) kind!: TimeKind;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'A working group of the same building' })
  @IsOptional()
  @IsUUID()
  workingGroupId?: string | null;
  @ApiProperty({ example: 'Lekkage dak verholpen' }) @IsString() @Length(1, 500) description!: string;
}

export class UpdateTimeDto {
  @ApiPropertyOptional({ example: '2012-03-14' }) @IsOptional() @IsIsoDate() date?: string;
  @ApiPropertyOptional({ example: 3 }) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) hours?: number;
  @ApiPropertyOptional({ enum: TIME_KINDS }) @IsOptional() @IsIn(TIME_KINDS) kind?: TimeKind;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @IsUUID() workingGroupId?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 500) description?: string;
}

export class DecideTimeDto {
  @ApiProperty({ enum: ['approved', 'rejected'] }) @IsIn(['approved', 'rejected']) decision!: 'approved' | 'rejected';
  @ApiPropertyOptional({ description: 'Why an entry was rejected' }) @IsOptional() @IsString() @Length(1, 500) reason?: string;
}

export class TimeEntryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() buildingId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() workingGroupId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Admins: one maker’s entries' }) @IsOptional() @IsUUID() tenantId?: string;
  @ApiPropertyOptional({ enum: TIME_ENTRY_STATUSES }) @IsOptional() @IsIn(TIME_ENTRY_STATUSES) status?: TimeEntryStatus;
  @ApiPropertyOptional({ example: '2012', description: 'A year or a month' }) @IsOptional() @IsPeriod(true) period?: string;
}

export class TimeEntryResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) buildingId!: string;
  @ApiProperty({ format: 'uuid' }) tenantId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) workingGroupId!: string | null;
  @ApiProperty({ example: '2012-03-14' }) date!: string;
  @ApiProperty({ example: 2.75 }) hours!: number;
  @ApiProperty({ example: 11 }) quarters!: number;
  @ApiProperty({ enum: TIME_KINDS }) kind!: TimeKind;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: TIME_ENTRY_STATUSES }) status!: TimeEntryStatus;
  @ApiProperty({ nullable: true, type: String }) rejectionReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedAt!: string | null;
}

export function toTimeEntryResponse(entry: TimeEntry): TimeEntryResponseDto {
  return {
    id: entry.id,
    buildingId: entry.buildingId,
    tenantId: entry.tenantId,
    workingGroupId: entry.workingGroupId,
    date: entry.date,
    hours: hoursOf(entry.quarters),
    quarters: entry.quarters,
    kind: entry.kind,
    description: entry.description,
    status: entry.status,
    rejectionReason: entry.rejectionReason,
    decidedAt: entry.decidedAt?.toISOString() ?? null,
  };
}

export class CreateProgrammeEventDto {
  @ApiProperty({ example: '2012-06-02' }) @IsIsoDate() date!: string;
  @ApiProperty({ example: 'Open ateliers' }) @IsString() @Length(1, 300) title!: string;
  @ApiProperty({ enum: EVENT_KINDS }) @IsIn(EVENT_KINDS) kind!: ProgrammeEventKind;
  @ApiProperty({ example: 850 }) @IsInt() @Min(0) @Max(10_000_000) visitors!: number;
  @ApiProperty({ example: true }) @IsBoolean() free!: boolean;
}

export class ProgrammeEventResponseDto extends CreateProgrammeEventDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) buildingId!: string;
}

export function toProgrammeEventResponse(event: ProgrammeEvent): ProgrammeEventResponseDto {
  const { id, buildingId, date, title, kind, visitors, free } = event;
  return { id, buildingId, date, title, kind, visitors, free };
}

export class CreateSubsidyDto {
  @ApiProperty({ example: '2012-01-15' }) @IsIsoDate() date!: string;
  @ApiProperty({ example: 'Mondriaan Fonds' }) @IsString() @Length(1, 200) source!: string;
  @ApiProperty({ example: 1_500_000 }) @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) amountCents!: number;
  @ApiProperty({ example: 'Tentoonstellingsprogramma' }) @IsString() @Length(1, 500) purpose!: string;
}

export class SubsidyResponseDto extends CreateSubsidyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) buildingId!: string;
}

export function toSubsidyResponse(subsidy: Subsidy): SubsidyResponseDto {
  const { id, buildingId, date, source, amountCents, purpose } = subsidy;
  return { id, buildingId, date, source, amountCents, purpose };
}

export class CreateHourlyValueDto {
  @ApiProperty({ example: '2013-01-01', description: 'The value applies to hours from this day on' }) @IsIsoDate() validFrom!: string;
  @ApiProperty({ example: 2000, description: 'Euro cents per hour' }) @IsInt() @Min(1) @Max(1_000_000) centsPerHour!: number;
}

export class HourlyValueResponseDto extends CreateHourlyValueDto {}

export function toHourlyValueResponse(value: HourlyValue): HourlyValueResponseDto {
  return { validFrom: value.validFrom, centsPerHour: value.centsPerHour };
}

export class DoubleBalanceQueryDto {
  @ApiProperty({ example: '2012', description: 'A year (2012) or a month (2012-03)' }) @IsPeriod(true) period!: string;
}

export class CityDoubleBalanceQueryDto extends DoubleBalanceQueryDto {
  @ApiPropertyOptional({ example: 'Amsterdam', description: 'A municipality defaults to its own city' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  city?: string;
}

export class EventsQueryDto {
  @ApiProperty({ example: '2012' }) @IsPeriod(true) period!: string;
}

export class ShownTimeDto {
  @ApiProperty({ example: 'building', description: 'A kind of work, a working group’s id, a building’s id or `total`' }) key!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Withheld (null) where fewer than five people stand behind it' }) hours!:
    number | null;
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string', enum: ['<5'] }] }) people!: number | '<5';
  @ApiProperty({ nullable: true, type: Number, description: 'The hours at the hourly value of their day' }) valueCents!: number | null;
}

export class BuildingDoubleBalanceResponseDto {
  @ApiProperty({ format: 'uuid' }) buildingId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '2012' }) period!: string;
  @ApiProperty({ example: '2012-01-01' }) first!: string;
  @ApiProperty({ example: '2012-12-31' }) last!: string;
  @ApiProperty({ enum: ['exact', 'masked'], description: 'masked: totals with `<5` (owners and the city)' }) detail!: 'exact' | 'masked';
  @ApiProperty({
    type: Object,
    description:
      'rentInvoicedCents; parties: per party (tenants, umbrella, each owner for the days it owned the building, the city, subsidy sources) its in and out with lines; ownerBooksWithheld',
  })
  money!: object;
  @ApiProperty({ type: Object, description: 'total, byKind, byGroup (ShownTime each) and the events of the programme' }) time!: object;
  @ApiProperty({ type: Object, description: 'valueCents and the hourly values that applied; never added to the money' }) valuation!: object;
}

export class CityDoubleBalanceResponseDto {
  @ApiProperty({ example: 'Amsterdam' }) city!: string;
  @ApiProperty({ example: '2012' }) period!: string;
  @ApiProperty() first!: string;
  @ApiProperty() last!: string;
  @ApiProperty({ enum: ['exact', 'masked'] }) detail!: 'exact' | 'masked';
  @ApiProperty({
    type: [Object],
    description: 'Per building: rent received, subsidies, investments, time (ShownTime), events and visitors',
  })
  buildings!: object[];
  @ApiProperty({ type: Object, description: 'The city’s sums; people counted once across buildings' }) totals!: object;
  @ApiProperty({ type: [HourlyValueResponseDto] }) hourlyValues!: HourlyValueResponseDto[];
}
