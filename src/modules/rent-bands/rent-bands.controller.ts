import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { DateQueryDto } from '../../common/validation/date-query.js';
import { IdParam } from '../../common/validation/id-param.js';
import { TENANTS_ERRORS } from '../tenants/tenants.errors.js';
import { BandAssessmentResponseDto, CreateBandAssessmentDto, toBandAssessmentResponse } from './dto/band-assessment.dto.js';
import { PublishRentBandSchemeDto, RentBandSchemeResponseDto } from './dto/rent-band-scheme.dto.js';
import { RentBandsService } from './rent-bands.service.js';
import { BUILDINGS_ERRORS } from '../buildings/buildings.errors.js';
import { ApiErrors } from '../../common/openapi/api-docs.decorators.js';
import { RENT_BANDS_ERRORS } from './rent-bands.errors.js';
import { ApiPage } from '../../common/pagination/api-page.decorator.js';

@ApiTags('rent bands')
@ApiBearerAuth()
@Controller('api')
export class RentBandsController {
  constructor(private readonly rentBands: RentBandsService) {}

  @Get('buildings/:id/rent-bands')
  @ApiOperation({
    summary: 'Rent bands of a building',
    description:
      'The scheme valid on `date` (default today): per band its code, rate per m² per year and the highest income that falls in it.',
  })
  @ApiOkResponse({ type: RentBandSchemeResponseDto })
  schemeOn(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(BUILDINGS_ERRORS.building_not_found)) buildingId: string,
    @Query() query: DateQueryDto,
  ): Promise<RentBandSchemeResponseDto> {
    return this.rentBands.schemeOn(buildingId, principal, query.date);
  }

  @Put('buildings/:id/rent-bands')
  @ApiOperation({
    summary: 'Publish rent bands',
    description: 'A new scheme valid from `validFrom`; earlier schemes stay for the dates before it (admins).',
  })
  @ApiErrors(RENT_BANDS_ERRORS.invalid_band_scheme)
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
  @ApiOperation({
    summary: 'Assess the band of a tenant',
    description:
      'From the income of `basisYear` the tenant falls in a band of the building, valid until 31 December of the next year. ' +
      'The income is used for the band only and never stored or shown.',
  })
  @ApiErrors(BUILDINGS_ERRORS.unknown_building)
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
  @ApiOperation({
    summary: 'Band assessments of a tenant',
    description: 'Each assessment with its building, band, rate and validity; never the income.',
  })
  @Can('band-assessments.read')
  @ApiPage(BandAssessmentResponseDto, { description: 'Every assessment of the tenant, newest first' })
  async assessments(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(TENANTS_ERRORS.tenant_not_found)) tenantId: string,
  ): Promise<{ items: BandAssessmentResponseDto[]; total: number }> {
    const items = (await this.rentBands.assessmentsOf(tenantId, principal)).map(toBandAssessmentResponse);
    return { items, total: items.length };
  }
}
