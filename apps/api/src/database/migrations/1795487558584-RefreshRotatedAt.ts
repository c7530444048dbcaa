import { MigrationInterface, QueryRunner } from 'typeorm';

export class RefreshRotatedAt1795487558584 implements MigrationInterface {
  name = 'RefreshRotatedAt1795487558584';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "refresh_session"
            ADD "rotated_at" TIMESTAMP WITH TIME ZONE
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "refresh_session" DROP COLUMN "rotated_at"
        `);
  }
}
