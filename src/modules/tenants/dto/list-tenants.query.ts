import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page.js';

export class ListTenantsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Tenants with a lease, a band assessment or a group allocation in this building' })
  @IsOptional()
  @IsUUID()
  buildingId?: string;
}
