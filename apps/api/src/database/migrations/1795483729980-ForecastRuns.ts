import { MigrationInterface, QueryRunner } from 'typeorm';

export class ForecastRuns1795483729980 implements MigrationInterface {
  name = 'ForecastRuns1795483729980';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "forecast_run" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "month" date NOT NULL,
                "version" integer NOT NULL,
                "state" character varying(16) NOT NULL,
                "horizon" smallint NOT NULL,
                "method" character varying(16) NOT NULL,
                "holidays" character varying(16) NOT NULL,
                "scope" jsonb NOT NULL DEFAULT '{}',
                "scope_key" character varying(500) NOT NULL,
                "engine_version" character varying(16) NOT NULL,
                "started_by" character varying(100) NOT NULL,
                "chunks_total" integer NOT NULL DEFAULT '0',
                "chunks_done" integer NOT NULL DEFAULT '0',
                "series_done" integer NOT NULL DEFAULT '0',
                "retailers_total" integer NOT NULL DEFAULT '0',
                "error" character varying(2000),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "started_at" TIMESTAMP WITH TIME ZONE,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                "approved_at" TIMESTAMP WITH TIME ZONE,
                "approved_by" character varying(100),
                CONSTRAINT "forecast_run_month_version_key" UNIQUE ("month", "version"),
                CONSTRAINT "PK_0aa3ac84110eff6a742af36f7f5" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "forecast_run_active_idx" ON "forecast_run" ("month", "scope_key")
            WHERE state IN ('queued', 'running')
        `);
    await queryRunner.query(`
            CREATE TABLE "forecast_accuracy" (
                "run_id" uuid NOT NULL,
                "period" date NOT NULL,
                "level" character varying(16) NOT NULL,
                "key" character varying(32) NOT NULL,
                "series_count" integer NOT NULL,
                "actual" double precision NOT NULL,
                "forecast" double precision NOT NULL,
                "agreement" double precision NOT NULL,
                "wape" double precision NOT NULL,
                "bias" double precision NOT NULL,
                "scaled_error" double precision,
                "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_566ea0cd62f40648164b93c557b" PRIMARY KEY ("run_id", "period", "level", "key")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "forecast_accuracy_period_level_idx" ON "forecast_accuracy" ("period", "level")
        `);
    await queryRunner.query(`
            CREATE TABLE "forecast_publication" (
                "month" date NOT NULL,
                "run_id" uuid NOT NULL,
                "published_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "published_by" character varying(100) NOT NULL,
                CONSTRAINT "PK_9cca9821ac86ee45436e5e05a7e" PRIMARY KEY ("month")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "forecast_run_chunk" (
                "run_id" uuid NOT NULL,
                "chunk_no" integer NOT NULL,
                "first_retailer_id" integer NOT NULL,
                "last_retailer_id" integer NOT NULL,
                "done" boolean NOT NULL DEFAULT false,
                "series_count" integer NOT NULL DEFAULT '0',
                "attempts" integer NOT NULL DEFAULT '0',
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_02cc12db9c61f2011880d34a953" PRIMARY KEY ("run_id", "chunk_no")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "forecast_value" (
                "run_id" uuid NOT NULL,
                "retailer_id" integer NOT NULL,
                "brand_id" integer NOT NULL,
                "period" date NOT NULL,
                "method" character varying(16) NOT NULL,
                "mean" real NOT NULL,
                "lo80" real NOT NULL,
                "hi80" real NOT NULL,
                "lo95" real NOT NULL,
                "hi95" real NOT NULL,
                CONSTRAINT "PK_79d261ade8c48abe8786f727195" PRIMARY KEY ("run_id", "retailer_id", "brand_id", "period")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "forecast_value_run_brand_idx" ON "forecast_value" ("run_id", "brand_id", "period")
        `);
    await queryRunner.query(`
            ALTER TABLE "forecast_accuracy"
            ADD CONSTRAINT "forecast_accuracy_run_fk" FOREIGN KEY ("run_id") REFERENCES "forecast_run"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "forecast_publication"
            ADD CONSTRAINT "forecast_publication_run_fk" FOREIGN KEY ("run_id") REFERENCES "forecast_run"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "forecast_run_chunk"
            ADD CONSTRAINT "forecast_run_chunk_run_fk" FOREIGN KEY ("run_id") REFERENCES "forecast_run"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "forecast_run_chunk" DROP CONSTRAINT "forecast_run_chunk_run_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "forecast_publication" DROP CONSTRAINT "forecast_publication_run_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "forecast_accuracy" DROP CONSTRAINT "forecast_accuracy_run_fk"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."forecast_value_run_brand_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "forecast_value"
        `);
    await queryRunner.query(`
            DROP TABLE "forecast_run_chunk"
        `);
    await queryRunner.query(`
            DROP TABLE "forecast_publication"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."forecast_accuracy_period_level_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "forecast_accuracy"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."forecast_run_active_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "forecast_run"
        `);
  }
}
