import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export class CreateFloorDto {
  @ApiProperty({ example: 3, description: '0 is the ground floor, negative a basement' })
  @IsInt()
  @Min(-10)
  @Max(200)
  level!: number;

  @ApiPropertyOptional({ example: 'Derde verdieping' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ example: 'design' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  theme?: string;
}
