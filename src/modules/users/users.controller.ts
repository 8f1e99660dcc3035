import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { ApiPage } from '../../common/pagination/api-page.decorator.js';
import { mapPage, type Page, PageQueryDto } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { UpdateUserDto } from './dto/update-user.dto.js';
import { toUserResponse, UserResponseDto } from './dto/user.response.dto.js';
import { USERS_ERRORS } from './users.errors.js';
import { UsersService } from './users.service.js';
import { ApiErrors } from '../../common/openapi/api-docs.decorators.js';
import { ORGANISATIONS_ERRORS } from '../organisations/organisations.errors.js';
import { TENANTS_ERRORS } from '../tenants/tenants.errors.js';

@ApiTags('users')
@ApiBearerAuth()
@Can('users.read')
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({
    summary: 'Add a user',
    description:
      'A sign-in for a person with a role: admin, tenant (linked to its tenant), owner or municipality (each linked to an organisation of that kind). ' +
      'A duplicate e-mail address is 409.',
  })
  @ApiErrors(
    USERS_ERRORS.email_taken,
    USERS_ERRORS.role_needs_organisation,
    ORGANISATIONS_ERRORS.unknown_organisation,
    ORGANISATIONS_ERRORS.unknown_owner,
    ORGANISATIONS_ERRORS.unknown_municipality,
    TENANTS_ERRORS.unknown_tenant,
  )
  @Can('users.write')
  @ApiCreatedResponse({ type: UserResponseDto })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateUserDto): Promise<UserResponseDto> {
    return toUserResponse(await this.users.create(body, principal));
  }

  /** The user's tokens end at once and it can no longer sign in. */
  @Post(':id/disable')
  @ApiOperation({
    summary: 'Disable a user',
    description: 'The user can no longer sign in and its tokens end at once.',
  })
  @Can('users.write')
  @HttpCode(200)
  @ApiOkResponse({ type: UserResponseDto })
  async disable(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(USERS_ERRORS.user_not_found)) id: string,
  ): Promise<UserResponseDto> {
    return toUserResponse(await this.users.disable(id, principal));
  }

  @Patch(':id')
  @Can('users.write')
  @ApiOperation({
    summary: 'Correct a user',
    description:
      'Any subset of the create fields but the password. Changing the role, organisation or tenant ends the tokens of the user at once.',
  })
  @ApiErrors(
    USERS_ERRORS.email_taken,
    USERS_ERRORS.role_needs_organisation,
    ORGANISATIONS_ERRORS.unknown_organisation,
    ORGANISATIONS_ERRORS.unknown_owner,
    ORGANISATIONS_ERRORS.unknown_municipality,
    TENANTS_ERRORS.unknown_tenant,
  )
  @ApiOkResponse({ type: UserResponseDto })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(USERS_ERRORS.user_not_found)) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserResponseDto> {
    return toUserResponse(await this.users.update(id, body, principal));
  }

  @Get()
  @ApiOperation({
    summary: 'Users',
    description: 'Every user with its role and organisation or tenant, by e-mail address (admins).',
  })
  @ApiPage(UserResponseDto)
  async list(@CurrentPrincipal() principal: Principal, @Query() page: PageQueryDto): Promise<Page<UserResponseDto>> {
    return mapPage(await this.users.list(page, principal), toUserResponse);
  }
}
