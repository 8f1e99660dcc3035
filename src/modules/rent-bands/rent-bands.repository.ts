import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import { BandAssessment } from './band-assessment.entity.js';
import type { BandDefinition } from './rent.js';

export interface StoredScheme {
  validFrom: string;
  bands: BandDefinition[];
}

@Injectable()
export class RentBandsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(BandAssessment) private readonly assessments: Repository<BandAssessment>,
  ) {}

  /** The newest scheme of the building whose date has come on `date`, or null. */
  async findSchemeOn(buildingId: string, date: string): Promise<StoredScheme | null> {
    const [row] = await this.dataSource.query<{ valid_from: string; bands: BandDefinition[] }[]>(
      `SELECT to_char(s.valid_from, 'YYYY-MM-DD') AS valid_from,
              json_agg(json_build_object('code', b.code, 'name', b.name, 'ratePerM2YearCents', b.rate_per_m2_year_cents,
                                         'maxIncomeCents', b.max_income_cents) ORDER BY b.position) AS bands
         FROM rent_band_scheme s JOIN rent_band b ON b.scheme_id = s.id
        WHERE s.building_id = $1 AND s.valid_from <= $2
        GROUP BY s.id, s.valid_from
        ORDER BY s.valid_from DESC
        LIMIT 1`,
      [buildingId, date],
    );
    return row ? { validFrom: row.valid_from, bands: row.bands } : null;
  }

  /** Replaces the scheme that starts on this date (or adds it); the row lock serialises two publishers. */
  async replaceScheme(buildingId: string, scheme: StoredScheme): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [{ id }] = await manager.query<{ id: string }[]>(
        `INSERT INTO rent_band_scheme (building_id, valid_from) VALUES ($1, $2)
         ON CONFLICT (building_id, valid_from) DO UPDATE SET created_at = now()
         RETURNING id`,
        [buildingId, scheme.validFrom],
      );
      await manager.query(`DELETE FROM rent_band WHERE scheme_id = $1`, [id]);
      await manager.query(
        `INSERT INTO rent_band (scheme_id, position, code, name, rate_per_m2_year_cents, max_income_cents)
         SELECT $1, band.position, band.code, band.name, band.rate, band.max_income
           FROM unnest($2::text[], $3::text[], $4::int[], $5::bigint[]) WITH ORDINALITY AS band(code, name, rate, max_income, position)`,
        [
          id,
          scheme.bands.map((band) => band.code),
          scheme.bands.map((band) => band.name),
          scheme.bands.map((band) => band.ratePerM2YearCents),
          scheme.bands.map((band) => band.maxIncomeCents),
        ],
      );
    });
  }

  insertAssessment(values: Omit<BandAssessment, 'id' | 'assessedAt'>): Promise<BandAssessment> {
    return this.assessments.save(this.assessments.create(values));
  }

  /** The newest assessment of the tenant for the building that is still valid on `date`. */
  findValidAssessment(tenantId: string, buildingId: string, date: string): Promise<BandAssessment | null> {
    return this.assessments
      .createQueryBuilder('assessment')
      .where('assessment.tenant_id = :tenantId AND assessment.building_id = :buildingId AND assessment.valid_until >= :date', {
        tenantId,
        buildingId,
        date,
      })
      .orderBy('assessment.assessed_at', 'DESC')
      .addOrderBy('assessment.basis_year', 'DESC')
      .getOne();
  }

  findAssessmentsOfTenant(tenantId: string): Promise<BandAssessment[]> {
    return this.assessments.find({ where: { tenantId }, order: { assessedAt: 'DESC' } });
  }
}
