import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { capabilitiesOf } from '../../common/auth/access-policy.js';
import { CurrentPrincipal, Public } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { ErrorResponseDto } from '../../common/errors/error-response.js';
import { BuildingsService } from '../buildings/buildings.service.js';
import { toUserResponse } from '../users/dto/user.response.dto.js';
import { UsersService } from '../users/users.service.js';
import { AuthService } from './auth.service.js';
import { LoginDto, LoginResponseDto } from './dto/login.dto.js';
import { MeResponseDto } from './dto/me.response.dto.js';

@ApiTags('auth')
@Controller('api')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly buildings: BuildingsService,
  ) {}

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  async login(@Body() body: LoginDto): Promise<LoginResponseDto> {
    const { accessToken, user } = await this.auth.login(body.email, body.password);
    return { accessToken, user: toUserResponse(user) };
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeResponseDto })
  async me(@CurrentPrincipal() principal: Principal): Promise<MeResponseDto> {
    const [user, buildingIds] = await Promise.all([this.users.get(principal.userId), this.buildings.visibleIds(principal)]);
    return { ...toUserResponse(user), capabilities: capabilitiesOf(principal), buildingIds };
  }
}
