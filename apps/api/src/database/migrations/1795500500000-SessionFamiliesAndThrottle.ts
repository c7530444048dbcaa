import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every refresh token a session has retired (so a replay of any of them, however old, ends the session),
 * and the sign-in throttle's counters (by username and by address), which replace the hard lock-out.
 */
export class SessionFamiliesAndThrottle1795500500000 implements MigrationInterface {
  name = 'SessionFamiliesAndThrottle1795500500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "refresh_token_retired" (
                "token_hash" character(64) NOT NULL,
                "session_id" uuid NOT NULL,
                "retired_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "refresh_token_retired_pk" PRIMARY KEY ("token_hash"),
                CONSTRAINT "refresh_token_retired_session_fk" FOREIGN KEY ("session_id")
                    REFERENCES "refresh_session"("id") ON DELETE CASCADE
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "refresh_token_retired_session_idx" ON "refresh_token_retired" ("session_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "login_throttle" (
                "key" character varying(200) NOT NULL,
                "failures" integer NOT NULL DEFAULT 0,
                "blocked_until" TIMESTAMP WITH TIME ZONE,
                "last_failure_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "login_throttle_pk" PRIMARY KEY ("key")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "login_throttle"`);
    await queryRunner.query(`DROP TABLE "refresh_token_retired"`);
  }
}
