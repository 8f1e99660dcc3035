import { Body, Controller, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { IdParam } from '../../common/validation/id-param.js';
import { BUILDINGS_ERRORS } from '../buildings/buildings.errors.js';
import { BalanceQueryDto } from './dto/balance-query.dto.js';
import { FinanceResponseDto, OwnerBalanceResponseDto, PutFinanceDto } from './dto/finance.dto.js';
import { OwnerFinanceService } from './owner-finance.service.js';

@ApiTags('owner finance')
@ApiBearerAuth()
@Can('owner-finance.read')
@Controller('api/buildings/:id')
export class OwnerFinanceController {
  constructor(private readonly finance: OwnerFinanceService) {}

  @Put('finance')
  @Can('owner-finance.write')
  @HttpCode(200)
  @ApiOkResponse({ type: FinanceResponseDto })
  put(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(BUILDINGS_ERRORS.building_not_found)) buildingId: string,
    @Body() body: PutFinanceDto,
  ): Promise<FinanceResponseDto> {
    return this.finance.put(buildingId, body, principal);
  }

  @Get('finance')
  @ApiOkResponse({ type: FinanceResponseDto })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(BUILDINGS_ERRORS.building_not_found)) buildingId: string,
  ): Promise<FinanceResponseDto> {
    return this.finance.get(buildingId, principal);
  }

  @Get('owner-balance')
  @ApiOkResponse({ type: OwnerBalanceResponseDto })
  balance(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(BUILDINGS_ERRORS.building_not_found)) buildingId: string,
    @Query() query: BalanceQueryDto,
  ): Promise<OwnerBalanceResponseDto> {
    return this.finance.balance(buildingId, principal, query.year, query.ownerId);
  }
}
