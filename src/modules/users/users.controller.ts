import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Can, CurrentPrincipal } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { ApiCorrection, ApiDeletion } from '../../common/errors/api-corrections.decorator.js';
import { ApiPage } from '../../common/pagination/api-page.decorator.js';
import { mapPage, type Page, PageQueryDto } from '../../common/pagination/page.js';
import { IdParam } from '../../common/validation/id-param.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { UpdateUserDto } from './dto/update-user.dto.js';
import { toUserResponse, UserResponseDto } from './dto/user.response.dto.js';
import { USERS_ERRORS } from './users.errors.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Can('users.read')
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Can('users.write')
  @ApiCreatedResponse({ type: UserResponseDto })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateUserDto): Promise<UserResponseDto> {
    return toUserResponse(await this.users.create(body, principal));
  }

  /** The user's tokens end at once and it can no longer sign in. */
  @Post(':id/disable')
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
  @ApiCorrection(
    'Correct a user',
    'Any subset of the create fields but the password; null empties organisationId or tenantId. Changing the role, organisation or tenant ends the tokens of the user at once. Each change is in the audit log with its value before and after.',
    UserResponseDto,
    {
      notFound: 'user_not_found',
      conflict: ['email_taken'],
      rule: ['role_needs_organisation', 'unknown_owner', 'unknown_municipality', 'unknown_tenant'],
    },
  )
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new IdParam(USERS_ERRORS.user_not_found)) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserResponseDto> {
    return toUserResponse(await this.users.update(id, body, principal));
  }

  @Delete(':id')
  @Can('users.write')
  @ApiDeletion(
    'Delete a user',
    'Only while no application names it as contact and it scored none (disable such a user instead); not your own account. Its tokens end at once; the audit log keeps who it was.',
    { notFound: 'user_not_found', conflict: ['user_has_applications', 'user_has_reviews'], rule: ['user_deletes_itself'] },
  )
  async remove(@CurrentPrincipal() principal: Principal, @Param('id', new IdParam(USERS_ERRORS.user_not_found)) id: string): Promise<void> {
    await this.users.remove(id, principal);
  }

  @Get()
  @ApiPage(UserResponseDto)
  async list(@CurrentPrincipal() principal: Principal, @Query() page: PageQueryDto): Promise<Page<UserResponseDto>> {
    return mapPage(await this.users.list(page, principal), toUserResponse);
  }
}
