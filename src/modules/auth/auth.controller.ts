import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { capabilitiesOf } from '../../common/auth/access-policy.js';
import { CurrentPrincipal, Public } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { BuildingsService } from '../buildings/buildings.service.js';
import { toUserResponse } from '../users/dto/user.response.dto.js';
import { UsersService } from '../users/users.service.js';
import { AuthService } from './auth.service.js';
import { LoginDto, LoginResponseDto } from './dto/login.dto.js';
import { MeResponseDto } from './dto/me.response.dto.js';
import { ApiErrors } from '../../common/openapi/api-docs.decorators.js';
import { AUTH_ERRORS } from './auth.errors.js';

@ApiTags('auth')
@Controller('api')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly buildings: BuildingsService,
  ) {}

  @Post('auth/login')
  @ApiOperation({
    summary: 'Sign in',
    description:
      'Exchanges an e-mail address and password for a bearer token; send it as `Authorization: Bearer <accessToken>` on every other call. ' +
      'After 10 failed attempts for one address within 15 minutes that address gets 429 (with Retry-After) until the window passes.',
  })
  @ApiErrors(AUTH_ERRORS.invalid_credentials, AUTH_ERRORS.too_many_login_attempts)
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  async login(@Body() body: LoginDto): Promise<LoginResponseDto> {
    const { accessToken, user } = await this.auth.login(body.email, body.password);
    return { accessToken, user: toUserResponse(user) };
  }

  @Get('me')
  @ApiOperation({
    summary: 'Who am I',
    description: 'The signed-in user, the capabilities of its role (what it may do) and the ids of the buildings it can see.',
  })
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeResponseDto })
  async me(@CurrentPrincipal() principal: Principal): Promise<MeResponseDto> {
    const [user, buildingIds] = await Promise.all([this.users.get(principal.userId), this.buildings.visibleIds(principal)]);
    return { ...toUserResponse(user), capabilities: capabilitiesOf(principal), buildingIds };
  }
}
