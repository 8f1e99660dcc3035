import { Body, Controller, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { IdParam } from '../../common/validation/id-param.js';
import { BUILDINGS_ERRORS } from '../buildings/buildings.errors.js';
import { BalanceQueryDto } from './dto/balance-query.dto.js';
import { FinanceResponseDto, OwnerBalanceResponseDto, PutFinanceDto } from './dto/finance.dto.js';
import { OwnerFinanceService } from './owner-finance.service.js';
import { ApiErrors } from '../../common/openapi/api-docs.decorators.js';
import { ORGANISATIONS_ERRORS } from '../organisations/organisations.errors.js';

@ApiTags('owner finance')
@ApiBearerAuth()
@Can('owner-finance.read')
@Controller('api/buildings/:id')
export class OwnerFinanceController {
  constructor(private readonly finance: OwnerFinanceService) {}

  @Put('finance')
  @ApiOperation({
    summary: "Set a building's finance",
    description:
      'The head lease rent per year, the loan and its interest and the investments made in the building (each by an organisation); replaces what was set (admins).',
  })
  @ApiErrors(ORGANISATIONS_ERRORS.unknown_organisation)
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
  @ApiOperation({
    summary: "A building's finance",
    description: 'The head lease rent, loan, interest and investments as last set.',
  })
  @ApiOkResponse({ type: FinanceResponseDto })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(BUILDINGS_ERRORS.building_not_found)) buildingId: string,
  ): Promise<FinanceResponseDto> {
    return this.finance.get(buildingId, principal);
  }

  @Get('owner-balance')
  @ApiOperation({
    summary: "The owner's balance of a year",
    description:
      'For `year` (default this year): rent income, interest cost, the balance, the occupancy rate and the investments; for admins and the owner of that year.',
  })
  @ApiOkResponse({ type: OwnerBalanceResponseDto })
  balance(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(BUILDINGS_ERRORS.building_not_found)) buildingId: string,
    @Query() query: BalanceQueryDto,
  ): Promise<OwnerBalanceResponseDto> {
    return this.finance.balance(buildingId, principal, query.year);
  }
}
