import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page.js';
import { IsPeriod } from '../../../common/validation/validators.js';
import { JOB_STATUSES, type JobStatus } from '../../../jobs/job-status.js';
import { type Report, REPORT_FORMATS, REPORT_KINDS, type ReportFormat, type ReportKind } from '../report.entity.js';

export class RequestReportDto {
  @ApiProperty({ enum: REPORT_KINDS }) @IsIn(REPORT_KINDS) kind!: ReportKind;
  @ApiPropertyOptional({ format: 'uuid', description: 'Required for owner-occupancy and arrears' })
  @IsOptional()
  @IsUUID()
  buildingId?: string;
  @ApiPropertyOptional({ example: 'Amsterdam', description: 'For the monitor; a municipality defaults to its own city' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  city?: string;

  @ApiProperty({ example: '2012', description: 'A year (2012) or a month (2012-03); figures as of its last day' })
  @IsPeriod(true)
  period!: string;

  @ApiProperty({ enum: REPORT_FORMATS }) @IsIn(REPORT_FORMATS) format!: ReportFormat;
}

export class ReportResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: REPORT_KINDS }) kind!: ReportKind;
  @ApiProperty({ enum: JOB_STATUSES }) status!: JobStatus;
  @ApiProperty({ description: '0–100' }) progress!: number;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty() period!: string;
  @ApiProperty({ enum: REPORT_FORMATS }) format!: ReportFormat;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) buildingId!: string | null;
  @ApiProperty({ type: String, nullable: true }) city!: string | null;
  @ApiProperty({ format: 'date-time', description: 'When it was requested' }) createdAt!: string;
}

export function toReportResponse(report: Report): ReportResponseDto {
  const { id, kind, status, progress, error, period, format, buildingId, city, createdAt } = report;
  return { id, kind, status, progress, error, period, format, buildingId, city, createdAt: createdAt.toISOString() };
}

export class ListReportsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REPORT_KINDS }) @IsOptional() @IsIn(REPORT_KINDS) kind?: ReportKind;
  @ApiPropertyOptional({ enum: JOB_STATUSES }) @IsOptional() @IsIn(JOB_STATUSES) status?: JobStatus;
}
