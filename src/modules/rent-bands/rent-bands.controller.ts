import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { DateQueryDto } from '../../common/validation/date-query.js';
import { IdParam } from '../../common/validation/id-param.js';
import { TENANTS_ERRORS } from '../tenants/tenants.errors.js';
import { BandAssessmentResponseDto, CreateBandAssessmentDto, toBandAssessmentResponse } from './dto/band-assessment.dto.js';
import { PublishRentBandSchemeDto, RentBandSchemeResponseDto } from './dto/rent-band-scheme.dto.js';
import { RentBandsService } from './rent-bands.service.js';
import { BUILDINGS_ERRORS } from '../buildings/buildings.errors.js';

@ApiTags('rent bands')
@ApiBearerAuth()
@Controller('api')
export class RentBandsController {
  constructor(private readonly rentBands: RentBandsService) {}

  @Get('buildings/:id/rent-bands')
  @ApiOkResponse({ type: RentBandSchemeResponseDto })
  schemeOn(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(BUILDINGS_ERRORS.building_not_found)) buildingId: string,
    @Query() query: DateQueryDto,
  ): Promise<RentBandSchemeResponseDto> {
    return this.rentBands.schemeOn(buildingId, principal, query.date);
  }

  @Put('buildings/:id/rent-bands')
  @Can('rent-bands.write')
  @HttpCode(200)
  @ApiOkResponse({ type: RentBandSchemeResponseDto })
  publish(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(BUILDINGS_ERRORS.building_not_found)) buildingId: string,
    @Body() body: PublishRentBandSchemeDto,
  ): Promise<RentBandSchemeResponseDto> {
    return this.rentBands.publish(buildingId, body, principal);
  }

  @Post('tenants/:id/band-assessments')
  @Can('band-assessments.write')
  @ApiCreatedResponse({ type: BandAssessmentResponseDto })
  async assess(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(TENANTS_ERRORS.tenant_not_found)) tenantId: string,
    @Body() body: CreateBandAssessmentDto,
  ): Promise<BandAssessmentResponseDto> {
    return toBandAssessmentResponse(await this.rentBands.assess(tenantId, body, principal));
  }

  @Get('tenants/:id/band-assessments')
  @Can('band-assessments.read')
  @ApiOkResponse({ type: [BandAssessmentResponseDto] })
  async assessments(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(TENANTS_ERRORS.tenant_not_found)) tenantId: string,
  ): Promise<{ items: BandAssessmentResponseDto[]; total: number }> {
    const items = (await this.rentBands.assessmentsOf(tenantId, principal)).map(toBandAssessmentResponse);
    return { items, total: items.length };
  }
}
