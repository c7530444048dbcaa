import { MigrationInterface, QueryRunner } from 'typeorm';

export class ImportJobCreatedBy1795494578115 implements MigrationInterface {
  name = 'ImportJobCreatedBy1795494578115';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "import_job"
            ADD "created_by" character varying(100)
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "import_job" DROP COLUMN "created_by"
        `);
  }
}
