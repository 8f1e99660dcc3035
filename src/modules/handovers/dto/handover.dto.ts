import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { IsIsoDate } from '../../../common/validation/validators.js';
import { type Handover, HANDOVER_STATUSES, type HandoverStatus } from '../handover.entity.js';
import type { HandoverPlan } from '../handover-plan.js';

export class StartHandoverDto {
  @ApiProperty({ format: 'uuid', description: 'An organisation of kind owner' }) @IsUUID() newOwnerId!: string;
  @ApiProperty({ example: '2011-12-01' }) @IsIsoDate() transferDate!: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Floors that stay a broedplaats' })
  @IsArray()
  @IsUUID('all', { each: true })
  @ArrayUnique()
  @ArrayMaxSize(200)
  retainedFloorIds!: string[];

  @ApiPropertyOptional({ format: 'date', description: 'A new end of use for the retained part' })
  @IsOptional()
  @IsIsoDate()
  newUseEnd?: string;
  @ApiPropertyOptional({ default: false, description: 'Answer what would happen, change nothing' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

export class LeaseFateDto {
  @ApiProperty({ format: 'uuid' }) leaseId!: string;
  @ApiProperty({ format: 'uuid' }) tenantId!: string;
  @ApiProperty() floorLevel!: number;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endDate!: string | null;
  @ApiProperty({ description: 'It runs past the end of use after the handover (newUseEnd, else the building’s), an open end included' })
  runsPastUseEnd!: boolean;
}

export class HandoverResponseDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for a dry run' }) id!: string | null;
  @ApiProperty({ format: 'uuid' }) buildingId!: string;
  @ApiProperty({
    enum: [...HANDOVER_STATUSES, 'preview'],
    description: '`scheduled` until the transfer date (cancellable), then `queued` → `running` → `completed`',
  })
  status!: HandoverStatus | 'preview';
  @ApiProperty({ format: 'date' }) transferDate!: string;
  @ApiProperty({ format: 'uuid' }) fromOwnerId!: string;
  @ApiProperty({ format: 'uuid' }) toOwnerId!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) retainedFloorIds!: string[];
  @ApiProperty({ type: String, format: 'date', nullable: true }) newUseEnd!: string | null;
  @ApiProperty({ type: [LeaseFateDto] }) leasesTransferred!: LeaseFateDto[];
  @ApiProperty({ type: [LeaseFateDto], description: 'With relocationOptions: vacant space of a similar size on retained floors' })
  leasesEnded!: LeaseFateDto[];
  @ApiProperty() dossierReady!: boolean;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
}

export function toHandoverResponse(
  handover: Pick<Handover, 'buildingId' | 'transferDate' | 'fromOwnerId' | 'toOwnerId' | 'retainedFloorIds' | 'newUseEnd'> & {
    id: string | null;
    status: HandoverStatus | 'preview';
    plan: HandoverPlan;
    dossierDocumentId: string | null;
    error: string | null;
  },
): HandoverResponseDto {
  return {
    id: handover.id,
    buildingId: handover.buildingId,
    status: handover.status,
    transferDate: handover.transferDate,
    fromOwnerId: handover.fromOwnerId,
    toOwnerId: handover.toOwnerId,
    retainedFloorIds: handover.retainedFloorIds,
    newUseEnd: handover.newUseEnd,
    // Plans stored before the flag existed lack it.
    leasesTransferred: handover.plan.leasesTransferred.map((fate) => ({ ...fate, runsPastUseEnd: fate.runsPastUseEnd ?? false })),
    leasesEnded: handover.plan.leasesEnded.map((fate) => ({ ...fate, runsPastUseEnd: fate.runsPastUseEnd ?? false })),
    dossierReady: handover.dossierDocumentId !== null,
    error: handover.error,
  };
}
