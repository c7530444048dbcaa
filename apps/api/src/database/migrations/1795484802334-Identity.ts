import { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1795484802334 implements MigrationInterface {
  name = 'Identity1795484802334';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "audit_log" (
                "id" BIGSERIAL NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
                "actor_kind" character varying(10) NOT NULL,
                "actor_id" character varying(50),
                "actor_name" character varying(100) NOT NULL,
                "action" character varying(30) NOT NULL,
                "entity" character varying(40) NOT NULL,
                "entity_id" character varying(64) NOT NULL,
                "before" jsonb,
                "after" jsonb,
                "changed" character varying(40) array NOT NULL DEFAULT '{}',
                "reason" character varying(500),
                "request_id" character varying(64),
                CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_ba27cef5b8b2b1a756e06ebcc5" ON "audit_log" ("at")
        `);
    await queryRunner.query(`
            CREATE INDEX "audit_log_actor_idx" ON "audit_log" ("actor_id", "at")
        `);
    await queryRunner.query(`
            CREATE INDEX "audit_log_entity_idx" ON "audit_log" ("entity", "entity_id", "at")
        `);
    await queryRunner.query(`
            CREATE TABLE "api_key" (
                "id" SERIAL NOT NULL,
                "manufacturer_id" integer NOT NULL,
                "name" character varying(100) NOT NULL,
                "prefix" character varying(16) NOT NULL,
                "secret_hash" character(64) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "last_used_at" TIMESTAMP WITH TIME ZONE,
                "created_by" character varying(50) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b1bd840641b8acbaad89c3d8d11" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_53757fe1652c4c1cc3b5aa82e2" ON "api_key" ("manufacturer_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_c4f6ccad30c0862eb54af9fb0a" ON "api_key" ("prefix")
        `);
    await queryRunner.query(`
            CREATE TABLE "app_user" (
                "id" SERIAL NOT NULL,
                "username" character varying(50) NOT NULL,
                "display_name" character varying(100) NOT NULL,
                "password_hash" character varying(200) NOT NULL,
                "roles" character varying(20) array NOT NULL,
                "district_ids" integer array NOT NULL DEFAULT '{}',
                "account_manager_id" integer,
                "active" boolean NOT NULL DEFAULT true,
                "failed_logins" integer NOT NULL DEFAULT '0',
                "locked_until" TIMESTAMP WITH TIME ZONE,
                "tokens_valid_after" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "must_change_password" boolean NOT NULL DEFAULT false,
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_c480e576dd71729addbc2d51b6" ON "app_user" ("username")
        `);
    await queryRunner.query(`
            CREATE TABLE "refresh_session" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" integer NOT NULL,
                "token_hash" character(64) NOT NULL,
                "previous_token_hash" character(64),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_5d0d8c21064803b5b2baaa50cbb" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_684b73eb2dd26a45b1fdc0ca17" ON "refresh_session" ("user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_95c2640c58bce2ed15023a254a" ON "refresh_session" ("token_hash")
        `);
    await queryRunner.query(`
            ALTER TABLE "api_key"
            ADD CONSTRAINT "api_key_manufacturer_fk" FOREIGN KEY ("manufacturer_id") REFERENCES "manufacturer"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "app_user"
            ADD CONSTRAINT "app_user_account_manager_fk" FOREIGN KEY ("account_manager_id") REFERENCES "account_manager"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_session"
            ADD CONSTRAINT "refresh_session_user_fk" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    // Append-only audit trail: no role, the application's included, may change or remove a row.
    await queryRunner.query(`
            CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
            END $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON "audit_log"
            FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()
        `);
    await queryRunner.query(`
            CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
            FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()
        `);
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "audit_log" FROM PUBLIC`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_log_no_truncate ON "audit_log"`);
    await queryRunner.query(`DROP TRIGGER audit_log_no_update_delete ON "audit_log"`);
    await queryRunner.query(`DROP FUNCTION audit_log_append_only()`);
    await queryRunner.query(`
            ALTER TABLE "refresh_session" DROP CONSTRAINT "refresh_session_user_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "app_user" DROP CONSTRAINT "app_user_account_manager_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "api_key" DROP CONSTRAINT "api_key_manufacturer_fk"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_95c2640c58bce2ed15023a254a"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_684b73eb2dd26a45b1fdc0ca17"
        `);
    await queryRunner.query(`
            DROP TABLE "refresh_session"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_c480e576dd71729addbc2d51b6"
        `);
    await queryRunner.query(`
            DROP TABLE "app_user"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_c4f6ccad30c0862eb54af9fb0a"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_53757fe1652c4c1cc3b5aa82e2"
        `);
    await queryRunner.query(`
            DROP TABLE "api_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."audit_log_entity_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."audit_log_actor_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_ba27cef5b8b2b1a756e06ebcc5"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_log"
        `);
  }
}
