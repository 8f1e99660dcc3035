import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type PropertyRecord, totalM2Of, vacantM2Of, type VisibleProperty } from '../properties.service.js';
import type { VacancyPeriod } from '../vacancy-period.entity.js';

export class PropertyFloorResponseDto {
  @ApiProperty() level!: number;
  @ApiProperty() totalM2!: number;
  @ApiProperty() vacantM2!: number;
}

export class VacancyPeriodResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) propertyId!: string;
  @ApiProperty() vacantSince!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ nullable: true, type: String }) ownerProspects!: string | null;
  @ApiProperty({ nullable: true, type: String }) availableFrom!: string | null;
  @ApiProperty({ nullable: true, type: String }) availableUntil!: string | null;
  @ApiProperty({ enum: ['register', 'signal', 'use-ended'] }) source!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ nullable: true, type: String }) endedOn!: string | null;
}

export class PropertyResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() address!: string;
  @ApiProperty({ nullable: true, type: String }) postcode!: string | null;
  @ApiProperty() city!: string;
  @ApiProperty({ nullable: true, type: String }) district!: string | null;
  @ApiProperty({ nullable: true, type: String }) bagPandId!: string | null;
  @ApiProperty({ nullable: true, type: String }) bagVerblijfsobjectId!: string | null;
  @ApiProperty() useCategory!: string;
  @ApiProperty({ nullable: true, type: String }) zoning!: string | null;
  @ApiProperty({ nullable: true, type: String }) condition!: string | null;
  @ApiProperty() fireSafety!: string;
  @ApiProperty({ nullable: true, type: String }) energyLabel!: string | null;
  @ApiProperty({ format: 'uuid' }) ownerId!: string;
  @ApiProperty({ nullable: true, type: String }) vacancyManager!: string | null;
  @ApiProperty({ enum: ['internal', 'matching', 'public'] }) publication!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The day it was first put up for matching or a tender' })
  offeredOn!: string | null;
  @ApiProperty({ nullable: true, type: Number }) latitude!: number | null;
  @ApiProperty({ nullable: true, type: Number }) longitude!: number | null;
  @ApiProperty({ type: [PropertyFloorResponseDto] }) floors!: PropertyFloorResponseDto[];
  @ApiProperty() totalM2!: number;
  @ApiProperty() vacantM2!: number;
  @ApiPropertyOptional({ type: VacancyPeriodResponseDto, nullable: true, description: 'The open vacancy period; null: in use' })
  openVacancy!: VacancyPeriodResponseDto | null;
}

export function toVacancyPeriodResponse(period: VacancyPeriod): VacancyPeriodResponseDto {
  return {
    id: period.id,
    propertyId: period.propertyId,
    vacantSince: period.vacantSince,
    reason: period.reason,
    ownerProspects: period.ownerProspects,
    availableFrom: period.availableFrom,
    availableUntil: period.availableUntil,
    source: period.source,
    status: period.status,
    endedOn: period.endedOn,
  };
}

export function toPropertyResponse({ property, floors, openVacancy }: PropertyRecord): PropertyResponseDto {
  return {
    id: property.id,
    name: property.name,
    address: property.address,
    postcode: property.postcode,
    city: property.city,
    district: property.district,
    bagPandId: property.bagPandId,
    bagVerblijfsobjectId: property.bagVerblijfsobjectId,
    useCategory: property.useCategory,
    zoning: property.zoning,
    condition: property.condition,
    fireSafety: property.fireSafety,
    energyLabel: property.energyLabel,
    ownerId: property.ownerId,
    vacancyManager: property.vacancyManager,
    publication: property.publication,
    offeredOn: property.offeredOn,
    latitude: property.latitude,
    longitude: property.longitude,
    floors: floors.map((floor) => ({ level: floor.level, totalM2: floor.totalM2, vacantM2: floor.vacantM2 })),
    totalM2: totalM2Of(floors),
    vacantM2: vacantM2Of(floors),
    openVacancy: openVacancy ? toVacancyPeriodResponse(openVacancy) : null,
  };
}

/** What the public sees: the address, the m² and when it is available; never the owner, the reason or the file. */
export class PublicPropertyResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() address!: string;
  @ApiProperty({ nullable: true, type: String }) postcode!: string | null;
  @ApiProperty() city!: string;
  @ApiProperty({ nullable: true, type: String }) district!: string | null;
  @ApiProperty() useCategory!: string;
  @ApiProperty() totalM2!: number;
  @ApiProperty() vacantM2!: number;
  @ApiProperty({ nullable: true, type: String }) availableFrom!: string | null;
  @ApiProperty({ nullable: true, type: String }) availableUntil!: string | null;
  @ApiProperty({ nullable: true, type: Number }) latitude!: number | null;
  @ApiProperty({ nullable: true, type: Number }) longitude!: number | null;
}

export function toPublicPropertyResponse({ property, floors, openVacancy }: PropertyRecord): PublicPropertyResponseDto {
  return {
    id: property.id,
    name: property.name,
    address: property.address,
    postcode: property.postcode,
    city: property.city,
    district: property.district,
    useCategory: property.useCategory,
    totalM2: totalM2Of(floors),
    vacantM2: vacantM2Of(floors),
    availableFrom: openVacancy?.availableFrom ?? null,
    availableUntil: openVacancy?.availableUntil ?? null,
    latitude: property.latitude,
    longitude: property.longitude,
  };
}

/**
 * What an umbrella's staff read of a property published for matching that their profile fits (or a
 * public one): what a candidate needs, as the public sees it, and the level it is published at.
 */
export class CandidatePropertyResponseDto extends PublicPropertyResponseDto {
  @ApiProperty({ enum: ['matching', 'public'] }) publication!: string;
}

export function toCandidatePropertyResponse(record: PropertyRecord): CandidatePropertyResponseDto {
  return { ...toPublicPropertyResponse(record), publication: record.property.publication };
}

/** The register's record, or the candidate view, as the service decided this principal may read it. */
export function toVisiblePropertyResponse(visible: VisibleProperty): PropertyResponseDto | CandidatePropertyResponseDto {
  return visible.detail === 'full' ? toPropertyResponse(visible.record) : toCandidatePropertyResponse(visible.record);
}
