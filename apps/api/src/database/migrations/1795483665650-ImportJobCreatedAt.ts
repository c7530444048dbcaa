import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The import list is read newest first. */
export class ImportJobCreatedAt1795483665650 implements MigrationInterface {
  name = 'ImportJobCreatedAt1795483665650';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "import_job_created_at_idx" ON "import_job" ("created_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."import_job_created_at_idx"`);
  }
}
