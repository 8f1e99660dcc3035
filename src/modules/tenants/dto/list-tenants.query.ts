import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page.js';

export class ListTenantsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Tenants with a lease, a band assessment or a group allocation in this building' })
  @IsOptional()
  @IsUUID()
  buildingId?: string;

  @ApiPropertyOptional({
    example: 'de vries',
    description: 'Only tenants whose name or e-mail contains this text, in any case (% and _ match themselves)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;
}
