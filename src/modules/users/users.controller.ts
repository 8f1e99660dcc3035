import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/decorators.js';
import { ApiPage } from '../../common/pagination/api-page.decorator.js';
import { mapPage, type Page, PageQueryDto } from '../../common/pagination/page.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { toUserResponse, UserResponseDto } from './dto/user.response.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiCreatedResponse({ type: UserResponseDto })
  async create(@Body() body: CreateUserDto): Promise<UserResponseDto> {
    return toUserResponse(await this.users.create(body));
  }

  @Get()
  @ApiPage(UserResponseDto)
  async list(@Query() page: PageQueryDto): Promise<Page<UserResponseDto>> {
    return mapPage(await this.users.list(page), toUserResponse);
  }
}
