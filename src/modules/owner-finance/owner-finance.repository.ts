import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { BuildingFinance, Investment } from './owner-finance.entity.js';

export interface InvestmentView {
  partyId: string;
  partyName: string;
  description: string;
  amountCents: number;
  date: string;
}

@Injectable()
export class OwnerFinanceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Replaces the building's finance and its investment ledger, together. */
  replace(finance: BuildingFinance, investments: Omit<Investment, 'id' | 'buildingId'>[], outer?: EntityManager): Promise<void> {
    const work = async (manager: EntityManager) => {
      await manager.upsert(BuildingFinance, finance, ['buildingId']);
      await manager.delete(Investment, { buildingId: finance.buildingId });
      if (investments.length > 0)
        await manager.insert(
          Investment,
          investments.map((investment) => ({ ...investment, buildingId: finance.buildingId })),
        );
    };
    return outer ? work(outer) : this.dataSource.transaction(work);
  }

  findFinance(buildingId: string): Promise<BuildingFinance | null> {
    return this.dataSource.manager.findOneBy(BuildingFinance, { buildingId });
  }

  async investments(buildingId: string, until?: string): Promise<InvestmentView[]> {
    const rows = await this.dataSource.query<
      { party_id: string; party_name: string; description: string; amount_cents: string; date: string }[]
    >(
      `SELECT i.party_id, o.name AS party_name, i.description, i.amount_cents, to_char(i.date, 'YYYY-MM-DD') AS date
         FROM investment i JOIN organisation_party o ON o.organisation_id = i.party_id
        WHERE i.building_id = $1 AND ($2::date IS NULL OR i.date <= $2::date)
        ORDER BY i.date, i.description`,
      [buildingId, until ?? null],
    );
    return rows.map((row) => ({
      partyId: row.party_id,
      partyName: row.party_name,
      description: row.description,
      amountCents: Number(row.amount_cents),
      date: row.date,
    }));
  }
}
