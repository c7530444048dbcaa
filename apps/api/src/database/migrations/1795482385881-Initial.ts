import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795482385881 implements MigrationInterface {
  name = 'Initial1795482385881';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "import_job" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" character varying(16) NOT NULL,
                "state" character varying(16) NOT NULL,
                "dry_run" boolean NOT NULL,
                "file_name" character varying(255) NOT NULL,
                "file_size" bigint NOT NULL,
                "file_sha256" character(64) NOT NULL,
                "rows_read" integer NOT NULL DEFAULT '0',
                "rows_invalid" integer NOT NULL DEFAULT '0',
                "rows_inserted" integer NOT NULL DEFAULT '0',
                "rows_updated" integer NOT NULL DEFAULT '0',
                "rows_unchanged" integer NOT NULL DEFAULT '0',
                "bytes_read" bigint NOT NULL DEFAULT '0',
                "error_sample" jsonb NOT NULL DEFAULT '[]',
                "message" character varying(500),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "started_at" TIMESTAMP WITH TIME ZONE,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_65b4c7eccb8120972a7b8da7682" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_d740ac41f80fc0f71633e2c3d0" ON "import_job" ("state")
        `);
    await queryRunner.query(`
            CREATE TABLE "retailer" (
                "id" SERIAL NOT NULL,
                "licence_no" character varying(32) NOT NULL,
                "shop_name" character varying(100) NOT NULL,
                "owner_name" character varying(50) NOT NULL,
                "phone" character varying(20) NOT NULL,
                "address" character varying(200) NOT NULL,
                "district_id" integer NOT NULL,
                "market_type" character varying(8) NOT NULL,
                "business_type" character varying(20) NOT NULL,
                "trade_area" character varying(20) NOT NULL,
                "scale" smallint NOT NULL,
                "classification_code" character varying(8) NOT NULL,
                "licence_status" character varying(16) NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'active',
                "integrity_grade" character varying(8) NOT NULL,
                "tier" smallint NOT NULL,
                "terminal_status" character varying(16) NOT NULL DEFAULT 'none',
                "account_manager_id" integer,
                "order_day" smallint NOT NULL,
                "visit_cycle" character varying(20) NOT NULL,
                "birthday" date,
                "preferences" character varying(500),
                "opened_on" date,
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_47bbf48e11e51cc7366f88a8add" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_42bd011e87f778302b8b549664" ON "retailer" ("licence_no")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_fcc1e45d0cde44180d7f0e4f1c" ON "retailer" ("market_type")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_ffa67cd04c49a5490c6a78b98c" ON "retailer" ("business_type")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_eb8490efca741c5d13a0d0e9e1" ON "retailer" ("status")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_7714348a920f3cc24f84918040" ON "retailer" ("tier")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_17bf5bf8567848c87d899bcc53" ON "retailer" ("account_manager_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "retailer_district_tier_idx" ON "retailer" ("district_id", "tier")
        `);
    await queryRunner.query(`
            CREATE TABLE "monthly_sales" (
                "retailer_id" integer NOT NULL,
                "month" date NOT NULL,
                "brand_id" integer NOT NULL,
                "cartons" integer NOT NULL,
                "amount" numeric(14, 2) NOT NULL,
                "order_count" integer NOT NULL,
                CONSTRAINT "PK_317b1ded667264db0a3ee704667" PRIMARY KEY ("retailer_id", "month", "brand_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "monthly_sales_brand_month_idx" ON "monthly_sales" ("brand_id", "month")
        `);
    await queryRunner.query(`
            CREATE INDEX "monthly_sales_month_brand_idx" ON "monthly_sales" ("month", "brand_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "order_line" (
                "retailer_id" integer NOT NULL,
                "order_date" date NOT NULL,
                "brand_id" integer NOT NULL,
                "cartons" integer NOT NULL,
                "amount" numeric(12, 2) NOT NULL,
                CONSTRAINT "PK_50eab099b997c0c34591eb6ce45" PRIMARY KEY ("retailer_id", "order_date", "brand_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "order_line_brand_date_idx" ON "order_line" ("brand_id", "order_date")
        `);
    await queryRunner.query(`
            CREATE TABLE "account_manager" (
                "id" SERIAL NOT NULL,
                "code" character varying(32) NOT NULL,
                "name" character varying(50) NOT NULL,
                "phone" character varying(20) NOT NULL,
                "district_ids" integer array NOT NULL DEFAULT '{}',
                "active" boolean NOT NULL DEFAULT true,
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b5be038eb710b0b66e8ddb96a1b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_3d2dd3d180efe1f4c536bc927e" ON "account_manager" ("code")
        `);
    await queryRunner.query(`
            CREATE TABLE "brand" (
                "id" SERIAL NOT NULL,
                "code" character varying(32) NOT NULL,
                "name" character varying(100) NOT NULL,
                "manufacturer_id" integer NOT NULL,
                "price_class" smallint NOT NULL,
                "wholesale_price" numeric(10, 2) NOT NULL,
                "retail_price" numeric(10, 2) NOT NULL,
                "pack_type" character varying(16) NOT NULL,
                "status" character varying(16) NOT NULL,
                "scarce" boolean NOT NULL DEFAULT false,
                "launched_on" date,
                "withdrawn_on" date,
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a5d20765ddd942eb5de4eee2d7f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_40218d8d4bbf8e38d458869a1c" ON "brand" ("code")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_8253826e8867bcfe5b2e7e2dec" ON "brand" ("manufacturer_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "district" (
                "id" SERIAL NOT NULL,
                "code" character varying(32) NOT NULL,
                "name" character varying(100) NOT NULL,
                "level" character varying(16) NOT NULL,
                "parent_id" integer,
                "path" character varying(255) NOT NULL,
                "market_type" character varying(8),
                "active" boolean NOT NULL DEFAULT true,
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_ee5cb6fd5223164bb87ea693f1e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_fbfe5cb0d22c2be8c9a9fff5b6" ON "district" ("code")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_ff9fa5869c48978b6a947aec8b" ON "district" ("parent_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "manufacturer" (
                "id" SERIAL NOT NULL,
                "code" character varying(32) NOT NULL,
                "name" character varying(100) NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_81fc5abca8ed2f6edc79b375eeb" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_a8a7848058d77812b7edbd89a4" ON "manufacturer" ("code")
        `);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`
            CREATE INDEX "district_path_prefix_idx" ON "district" ("path" varchar_pattern_ops)
        `);
    await queryRunner.query(`
            CREATE INDEX "retailer_search_trgm_idx" ON "retailer"
            USING gin ("shop_name" gin_trgm_ops, "owner_name" gin_trgm_ops, "licence_no" gin_trgm_ops, "phone" gin_trgm_ops)
        `);
    await queryRunner.query(`
            ALTER TABLE "district" ADD CONSTRAINT "district_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "district"("id")
        `);
    await queryRunner.query(`
            ALTER TABLE "brand" ADD CONSTRAINT "brand_manufacturer_fk" FOREIGN KEY ("manufacturer_id") REFERENCES "manufacturer"("id")
        `);
    await queryRunner.query(`
            ALTER TABLE "retailer" ADD CONSTRAINT "retailer_district_fk" FOREIGN KEY ("district_id") REFERENCES "district"("id")
        `);
    await queryRunner.query(`
            ALTER TABLE "retailer" ADD CONSTRAINT "retailer_account_manager_fk" FOREIGN KEY ("account_manager_id") REFERENCES "account_manager"("id")
        `);
    await queryRunner.query(`
            ALTER TABLE "retailer" ADD CONSTRAINT "retailer_tier_range" CHECK ("tier" BETWEEN 1 AND 30)
        `);
    await queryRunner.query(`
            ALTER TABLE "order_line" ADD CONSTRAINT "order_line_cartons_positive" CHECK ("cartons" > 0)
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "order_line" DROP CONSTRAINT "order_line_cartons_positive"`);
    await queryRunner.query(`ALTER TABLE "retailer" DROP CONSTRAINT "retailer_tier_range"`);
    await queryRunner.query(`ALTER TABLE "retailer" DROP CONSTRAINT "retailer_account_manager_fk"`);
    await queryRunner.query(`ALTER TABLE "retailer" DROP CONSTRAINT "retailer_district_fk"`);
    await queryRunner.query(`ALTER TABLE "brand" DROP CONSTRAINT "brand_manufacturer_fk"`);
    await queryRunner.query(`ALTER TABLE "district" DROP CONSTRAINT "district_parent_fk"`);
    await queryRunner.query(`DROP INDEX "public"."retailer_search_trgm_idx"`);
    await queryRunner.query(`DROP INDEX "public"."district_path_prefix_idx"`);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_a8a7848058d77812b7edbd89a4"
        `);
    await queryRunner.query(`
            DROP TABLE "manufacturer"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_ff9fa5869c48978b6a947aec8b"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_fbfe5cb0d22c2be8c9a9fff5b6"
        `);
    await queryRunner.query(`
            DROP TABLE "district"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_8253826e8867bcfe5b2e7e2dec"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_40218d8d4bbf8e38d458869a1c"
        `);
    await queryRunner.query(`
            DROP TABLE "brand"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_3d2dd3d180efe1f4c536bc927e"
        `);
    await queryRunner.query(`
            DROP TABLE "account_manager"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."order_line_brand_date_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "order_line"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."monthly_sales_month_brand_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."monthly_sales_brand_month_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "monthly_sales"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."retailer_district_tier_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_17bf5bf8567848c87d899bcc53"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_7714348a920f3cc24f84918040"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_eb8490efca741c5d13a0d0e9e1"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_ffa67cd04c49a5490c6a78b98c"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_fcc1e45d0cde44180d7f0e4f1c"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_42bd011e87f778302b8b549664"
        `);
    await queryRunner.query(`
            DROP TABLE "retailer"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_d740ac41f80fc0f71633e2c3d0"
        `);
    await queryRunner.query(`
            DROP TABLE "import_job"
        `);
  }
}
