import type { MigrationInterface, QueryRunner } from 'typeorm';

const RULES_2011_NOTE =
  'In force from 1 July 2011 (as reported at the time by Amsterdam law firms; the seed said 1 October 2011). ' +
  'It covered office buildings in Amstel III and Teleport, offices over 10,000 m² and evicted squatted buildings, ' +
  'which the use category alone does not model. Report after 6 months, consultation within 3 months: as those reports state. ' +
  'Its official publication reference (Gemeenteblad) is not verified, and the 2016 version between it and 2022 is not seeded.';

const RULES_2022_NOTE =
  'Official text: CVDR684070 (lokaleregelgeving.overheid.nl), adopted by the council on 9 November 2022, in force from ' +
  '1 December 2022 (the seed said 1 July 2022). Report after 6 months, consultation within 2 months of the report and ' +
  '€ 7,500 for not reporting an office are as the issue states them, not checked article by article; the covered use ' +
  'categories (office, retail, industrial) are unverified: its chapter 2 covers office buildings in named areas such as ' +
  'Amstel III, and its chapter on housing is not modelled.';

const SCHEME_NOTE =
  'Not a real subsidy regulation: an example scheme of the demo. Its figures come from the design handbook’s model case, ' +
  'the Volkskrantgebouw, where Bureau Broedplaatsen paid € 300,000 for installations and € 65,000 for fire safety for ' +
  'about 10,000 m²: € 30 per m² (300,000 / 10,000), at most their sum € 365,000. Replace it with the city’s published scheme before real use.';

/**
 * The seeded sources say what they are: the vacancy bylaws cite the regulation by name and year, with
 * the official reference only where verified and a note on what is not; their dates of coming into
 * force are corrected. The conversion subsidy scheme is marked as the demo's example, not a real one.
 */
export class HonestSources1798840000002 implements MigrationInterface {
  name = 'HonestSources1798840000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vacancy_rule_set" ADD "note" text`);
    await queryRunner.query(`ALTER TABLE "conversion_subsidy_scheme" ADD "note" text`);
    await queryRunner.query(
      `UPDATE vacancy_rule_set SET valid_from = '2011-07-01', source = 'Leegstandverordening Amsterdam 2011 (Leegstandwet art. 2)', note = $1
        WHERE city = 'Amsterdam' AND valid_from = '2011-10-01'`,
      [RULES_2011_NOTE],
    );
    await queryRunner.query(
      `UPDATE vacancy_rule_set SET valid_from = '2022-12-01', source = 'Leegstandverordening Amsterdam 2022 (Leegstandwet art. 2), CVDR684070', note = $1
        WHERE city = 'Amsterdam' AND valid_from = '2022-07-01'`,
      [RULES_2022_NOTE],
    );
    await queryRunner.query(
      `UPDATE conversion_subsidy_scheme SET source = 'Voorbeeldregeling van de demo (naar het Volkskrantgebouw), geen echte regeling', note = $1
        WHERE city = 'Amsterdam' AND valid_from = '2000-01-01'`,
      [SCHEME_NOTE],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE conversion_subsidy_scheme SET source = 'Bureau Broedplaatsen, bijdrage ombouw en brandveiligheid' WHERE city = 'Amsterdam' AND valid_from = '2000-01-01'`,
    );
    await queryRunner.query(
      `UPDATE vacancy_rule_set SET valid_from = '2022-07-01', source = 'Leegstandwet art. 2–3; Leegstandverordening Amsterdam 2022, Gemeenteblad Amsterdam 2022 (lokaleregelgeving.overheid.nl)'
        WHERE city = 'Amsterdam' AND valid_from = '2022-12-01'`,
    );
    await queryRunner.query(
      `UPDATE vacancy_rule_set SET valid_from = '2011-10-01', source = 'Leegstandwet art. 2–3; Leegstandverordening Amsterdam 2011, Gemeenteblad Amsterdam 2011'
        WHERE city = 'Amsterdam' AND valid_from = '2011-07-01'`,
    );
    await queryRunner.query(`ALTER TABLE "conversion_subsidy_scheme" DROP COLUMN "note"`);
    await queryRunner.query(`ALTER TABLE "vacancy_rule_set" DROP COLUMN "note"`);
  }
}
