import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateIf } from 'class-validator';
import { IsIsoDate } from '../../../common/validation/validators.js';
import { BUILDING_KINDS, type BuildingKind } from '../building.entity.js';

export class CreateBuildingDto {
  @ApiProperty({ example: 'Volkskrantgebouw' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'Wibautstraat 150, 1091 GR' })
  @IsString()
  @Length(1, 300)
  address!: string;

  @ApiProperty({ example: 'Amsterdam' })
  @IsString()
  @Length(1, 100)
  city!: string;

  @ApiProperty({ format: 'uuid', description: 'An organisation of kind owner' })
  @IsUUID()
  ownerId!: string;

  @ApiProperty({ format: 'uuid', description: 'An organisation of kind umbrella' })
  @IsUUID()
  umbrellaId!: string;

  @ApiProperty({ enum: BUILDING_KINDS })
  @IsIn(BUILDING_KINDS)
  kind!: BuildingKind;

  @ApiProperty({ example: '2007-06-01', description: 'Start of the head lease' })
  @IsIsoDate()
  useStart!: string;

  @ApiPropertyOptional({ example: '2013-07-01', description: 'End of the head lease; required for a temporary building' })
  @ValidateIf((dto: CreateBuildingDto) => dto.kind === 'temporary' || dto.useEnd !== undefined)
  @IsIsoDate({ message: 'useEnd must be a date written YYYY-MM-DD (required for a temporary building)' })
  useEnd?: string;

  @ApiProperty({ example: 'VKG', description: '2–8 capital letters or digits, starting with a letter; unique' })
  @Matches(/^[A-Z][A-Z0-9]{1,7}$/, { message: 'invoicePrefix must be 2–8 capital letters or digits, starting with a letter' })
  invoicePrefix!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The property (the real estate) this use is of' })
  @IsOptional()
  @IsUUID()
  propertyId?: string;
}
