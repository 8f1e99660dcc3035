import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page.js';
import { IsDecimal, IsIsoDate } from '../../../common/validation/validators.js';
import { totalRequestedArea } from '../application-rules.js';
import {
  type Application,
  type ApplicationEvent,
  type ApplicationMember,
  APPLICATION_STATUSES,
  type ApplicationRound,
  type ApplicationStatus,
  type FloorOffer,
  OFFER_STATUSES,
  type OfferStatus,
} from '../application.entity.js';

export class CreateRoundDto {
  @ApiProperty({ example: 'Volkskrantgebouw 2007' }) @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ example: '2007-03-01' }) @IsIsoDate() opensOn!: string;
  @ApiProperty({ example: '2007-04-15' }) @IsIsoDate() closesOn!: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Floors of the building on offer' })
  @IsUUID('all', { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  floorIds!: string[];
}

export class RoundResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) buildingId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date' }) opensOn!: string;
  @ApiProperty({ format: 'date' }) closesOn!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) floorIds!: string[];
}

export function toRoundResponse(round: ApplicationRound, floorIds: string[]): RoundResponseDto {
  const { id, buildingId, name, opensOn, closesOn } = round;
  return { id, buildingId, name, opensOn, closesOn, floorIds };
}

export class MemberDto {
  @ApiProperty({ example: 'Anneke de Vries' }) @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ example: 'anneke@example.org' }) @IsEmail() @MaxLength(254) email!: string;
  @ApiProperty({ example: 'beeldende kunst' }) @IsString() @Length(1, 100) discipline!: string;

  @ApiPropertyOptional({ example: '1091 GR' })
  @IsOptional()
  @Matches(/^[1-9][0-9]{3} ?[A-Za-z]{2}$/, { message: 'postcode must be a Dutch postcode such as 1091 GR' })
  postcode?: string;

  @ApiProperty({ example: 30 })
  @IsDecimal(2)
  @Min(1)
  @Max(100_000)
  requestedAreaM2!: number;
}

export class CreateApplicationDto {
  @ApiProperty({ example: 'Oostblok' }) @IsString() @Length(1, 200) groupName!: string;

  @ApiProperty({ description: 'The joint plan: concept, mix of disciplines, what the group offers the neighbourhood' })
  @IsString()
  @Length(1, 20_000)
  plan!: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Floors of the round, most wanted first' })
  @IsUUID('all', { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  preferredFloorIds!: string[];

  @ApiProperty({ type: [MemberDto] })
  @IsObject({ each: true, message: 'each member must be an object' })
  @ValidateNested({ each: true })
  @Type(() => MemberDto)
  @ArrayMinSize(1, { message: 'a group needs at least one member' })
  @ArrayMaxSize(500)
  members!: MemberDto[];
}

/** A draft's correction: any subset of the create fields; a list given replaces the old one whole. */
export class UpdateApplicationDto extends PartialType(CreateApplicationDto) {}

export class ReviewDto {
  @ApiProperty({ minimum: 1, maximum: 10 }) @IsInt() @Min(1) @Max(10) score!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) notes?: string;
}

export class AllocateDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() floorId!: string;
}

export class MemberResponseDto {
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty() discipline!: string;
  @ApiProperty({ type: String, nullable: true }) postcode!: string | null;
  @ApiProperty() requestedAreaM2!: number;
}

export class OfferResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) floorId!: string;
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ enum: OFFER_STATUSES }) status!: OfferStatus;
  @ApiProperty({ format: 'date' }) replyBy!: string;
}

export class ApplicationEventDto {
  @ApiProperty({ enum: APPLICATION_STATUSES, nullable: true }) fromStatus!: ApplicationStatus | null;
  @ApiProperty({ enum: APPLICATION_STATUSES }) toStatus!: ApplicationStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) byUserId!: string | null;
  @ApiProperty() at!: string;
}

export class ApplicationResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty() groupName!: string;
  @ApiProperty() plan!: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status!: ApplicationStatus;
  @ApiProperty({ format: 'uuid' }) contactUserId!: string;
  @ApiProperty({ type: String, nullable: true }) submittedAt!: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) preferredFloorIds!: string[];
  @ApiProperty({ type: [MemberResponseDto] }) members!: MemberResponseDto[];
  @ApiProperty() requestedAreaM2!: number;
  @ApiProperty({ type: [OfferResponseDto] }) offers!: OfferResponseDto[];
  @ApiProperty({ type: [ApplicationEventDto] }) history!: ApplicationEventDto[];
}

export function toOfferResponse(offer: FloorOffer): OfferResponseDto {
  const { id, floorId, applicationId, status, replyBy } = offer;
  return { id, floorId, applicationId, status, replyBy };
}

export function toApplicationResponse(
  application: Application,
  details: { preferredFloorIds: string[]; members: ApplicationMember[]; offers: FloorOffer[]; history: ApplicationEvent[] },
): ApplicationResponseDto {
  const members = details.members.map(({ name, email, discipline, postcode, requestedAreaM2 }) => ({
    name,
    email,
    discipline,
    postcode,
    requestedAreaM2,
  }));
  return {
    id: application.id,
    roundId: application.roundId,
    groupName: application.groupName,
    plan: application.plan,
    status: application.status,
    contactUserId: application.contactUserId,
    submittedAt: application.submittedAt?.toISOString() ?? null,
    preferredFloorIds: details.preferredFloorIds,
    members,
    requestedAreaM2: totalRequestedArea(members),
    offers: details.offers.map(toOfferResponse),
    history: details.history.map(({ fromStatus, toStatus, byUserId, at }) => ({ fromStatus, toStatus, byUserId, at: at.toISOString() })),
  };
}

export class RankingItemDto {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty() groupName!: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status!: ApplicationStatus;
  @ApiProperty({ type: Number, nullable: true }) meanScore!: number | null;
  @ApiProperty() reviews!: number;
}

export class AllocationResponseDto {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty({ format: 'uuid' }) floorId!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) tenantIds!: string[];
}

export class ApplicationSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty() groupName!: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status!: ApplicationStatus;
  @ApiProperty({ format: 'uuid' }) contactUserId!: string;
  @ApiProperty({ type: String, nullable: true }) submittedAt!: string | null;
  @ApiProperty() createdAt!: string;
}

export function toApplicationSummary(application: Application): ApplicationSummaryDto {
  const { id, roundId, groupName, status, contactUserId, submittedAt, createdAt } = application;
  return {
    id,
    roundId,
    groupName,
    status,
    contactUserId,
    submittedAt: submittedAt?.toISOString() ?? null,
    createdAt: createdAt.toISOString(),
  };
}

export class ListRoundApplicationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES }) @IsOptional() @IsIn(APPLICATION_STATUSES) status?: ApplicationStatus;
}

export class ListApplicationsQueryDto extends ListRoundApplicationsQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Only the applications you are the contact or a member of (others than admins always)',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  mine?: 'true' | 'false';
}

export class ListOffersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only offers to your groups (others than admins always)' })
  @IsOptional()
  @IsIn(['true', 'false'])
  mine?: 'true' | 'false';

  @ApiPropertyOptional({ enum: OFFER_STATUSES }) @IsOptional() @IsIn(OFFER_STATUSES) status?: OfferStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() floorId?: string;
}
