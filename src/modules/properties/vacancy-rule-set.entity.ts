import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { FineTier } from './vacancy-clock.js';

/**
 * One version of a municipality's vacancy bylaw (leegstandverordening under the Leegstandwet), in
 * force from `validFrom` until the next version of the same city; it cites where it is published.
 */
@Entity('vacancy_rule_set')
@Index('uq_vacancy_rule_set_city_from', ['city', 'validFrom'], { unique: true })
@Check('ck_vacancy_rule_set_months', `report_after_months > 0 AND consultation_within_months > 0 AND nomination_after_months > 0`)
export class VacancyRuleSet {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  city!: string;

  @Column({ type: 'date' })
  validFrom!: string;

  @Column({ type: 'text' })
  title!: string;

  /** Where it is published (the official gazette's reference or address). */
  @Column({ type: 'text' })
  source!: string;

  /** What of the citation or the figures could not be verified against the published text (null: nothing). */
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** The use categories of property it covers. */
  @Column({ type: 'text', array: true })
  useCategories!: string[];

  @Column({ type: 'smallint' })
  reportAfterMonths!: number;

  @Column({ type: 'smallint' })
  consultationWithinMonths!: number;

  @Column({ type: 'smallint' })
  nominationAfterMonths!: number;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  fineTiers!: FineTier[];
}
