import { ApiProperty } from '@nestjs/swagger';
import { monthlyRentCents } from '../../rent-bands/rent.js';
import type { Lease } from '../lease.entity.js';
import { LEASE_STATUSES, type LeaseStatus, leaseStatus, rateOn, VAT_REGIMES, type VatRegime } from '../lease-rules.js';
import { REVISION_REASONS, type LeaseRevision, type RevisionReason } from '../lease-revision.entity.js';

export class LeaseRevisionDto {
  @ApiProperty({ format: 'date' }) effectiveDate!: string;
  @ApiProperty() bandCode!: string;
  @ApiProperty() ratePerM2YearCents!: number;
  @ApiProperty() monthlyRentCents!: number;
  @ApiProperty({ enum: REVISION_REASONS }) reason!: RevisionReason;
}

export class LeaseWarningDto {
  @ApiProperty({ example: 'public_counter_art_7_290' }) code!: string;
  @ApiProperty() message!: string;
}

export class LeaseResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: LEASE_STATUSES }) status!: LeaseStatus;
  @ApiProperty({ format: 'uuid' }) tenantId!: string;
  @ApiProperty({ format: 'uuid' }) spaceId!: string;
  @ApiProperty({ format: 'uuid' }) buildingId!: string;
  @ApiProperty({ format: 'date' }) startDate!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endDate!: string | null;
  @ApiProperty() noticeMonths!: number;
  @ApiProperty({ description: 'Band at signing' }) bandCode!: string;
  @ApiProperty({ description: 'Rate at signing, cents per m² per year' }) ratePerM2YearCents!: number;
  @ApiProperty() areaM2!: number;
  @ApiProperty({ description: 'Rent per month at signing: round_half_up(areaM2 × rate / 12)' }) monthlyRentCents!: number;
  @ApiProperty({ description: 'Rate in force today' }) currentRatePerM2YearCents!: number;
  @ApiProperty({ description: 'Rent per month at today’s rate' }) currentMonthlyRentCents!: number;
  @ApiProperty() serviceChargeMonthlyCents!: number;
  @ApiProperty() depositCents!: number;
  @ApiProperty({ enum: VAT_REGIMES }) vatRegime!: VatRegime;
  @ApiProperty({ type: Number, nullable: true }) taxableUsePercent!: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) smallBusinessScheme!: boolean | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) noticeGivenOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) terminationReason!: string | null;
  @ApiProperty({ type: [LeaseRevisionDto] }) revisions!: LeaseRevisionDto[];
  @ApiProperty({ type: [LeaseWarningDto] }) warnings!: LeaseWarningDto[];
}

export const PUBLIC_COUNTER_WARNING: LeaseWarningDto = {
  code: 'public_counter_art_7_290',
  message: 'This space has a public counter: the lease falls under art. 7:290 BW (5 + 5 years protection) and may outlive the head lease.',
};

export function toLeaseResponse(
  lease: Lease,
  revisions: LeaseRevision[],
  context: { today: string; publicCounter: boolean },
): LeaseResponseDto {
  const current = rateOn(revisions, context.today) ?? rateOn(revisions, lease.startDate);
  const currentRate = current?.ratePerM2YearCents ?? lease.ratePerM2YearCents;
  return {
    id: lease.id,
    status: leaseStatus(lease, context.today),
    tenantId: lease.tenantId,
    spaceId: lease.spaceId,
    buildingId: lease.buildingId,
    startDate: lease.startDate,
    endDate: lease.endDate,
    noticeMonths: lease.noticeMonths,
    bandCode: lease.bandCode,
    ratePerM2YearCents: lease.ratePerM2YearCents,
    areaM2: lease.areaM2,
    monthlyRentCents: monthlyRentCents(lease.areaM2, lease.ratePerM2YearCents),
    currentRatePerM2YearCents: currentRate,
    currentMonthlyRentCents: monthlyRentCents(lease.areaM2, currentRate),
    serviceChargeMonthlyCents: lease.serviceChargeMonthlyCents,
    depositCents: lease.depositCents,
    vatRegime: lease.vatRegime,
    taxableUsePercent: lease.taxableUsePercent,
    smallBusinessScheme: lease.smallBusinessScheme,
    noticeGivenOn: lease.noticeGivenOn,
    terminationReason: lease.terminationReason,
    revisions: revisions.map((revision) => ({
      effectiveDate: revision.effectiveDate,
      bandCode: revision.bandCode,
      ratePerM2YearCents: revision.ratePerM2YearCents,
      monthlyRentCents: monthlyRentCents(lease.areaM2, revision.ratePerM2YearCents),
      reason: revision.reason,
    })),
    warnings: context.publicCounter ? [PUBLIC_COUNTER_WARNING] : [],
  };
}
