import { MigrationInterface, QueryRunner } from 'typeorm';

export class ForecastRunFestivalProfile1795492663001 implements MigrationInterface {
  name = 'ForecastRunFestivalProfile1795492663001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "forecast_run"
            ADD "festival_profile" jsonb
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "forecast_run" DROP COLUMN "festival_profile"
        `);
  }
}
