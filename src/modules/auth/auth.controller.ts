import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { capabilitiesOf } from '../../common/auth/access-policy.js';
import { CurrentPrincipal, Public } from '../../common/auth/decorators.js';
import type { Principal } from '../../common/auth/principal.js';
import { ErrorResponseDto } from '../../common/errors/error-response.js';
import { BuildingsService } from '../buildings/buildings.service.js';
import { toUserResponse } from '../users/dto/user.response.dto.js';
import { UsersService } from '../users/users.service.js';
import { AuthService } from './auth.service.js';
import { ChangePasswordDto } from './dto/change-password.dto.js';
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

  @Post('me/password')
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Change your own password',
    description:
      'Give the current password and a new one (12–200 characters, not only spaces, not among the 10,000 most common). Every token of the user ends, this one too: sign in again with the new password. A wrong current password counts as a failed sign-in of your address.',
  })
  @ApiNoContentResponse({ description: 'Changed; all your tokens have ended' })
  @ApiResponse({
    status: 400,
    type: ErrorResponseDto,
    description: 'A new password that breaks the rules, or equals the current one (`validation_failed`)',
  })
  @ApiResponse({ status: 422, type: ErrorResponseDto, description: 'The current password is wrong (`current_password_wrong`)' })
  @ApiTooManyRequestsResponse({
    type: ErrorResponseDto,
    description: 'Too many wrong passwords for this address (`too_many_login_attempts`)',
  })
  async changePassword(@CurrentPrincipal() principal: Principal, @Body() body: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(principal, body.currentPassword, body.newPassword);
  }
}
