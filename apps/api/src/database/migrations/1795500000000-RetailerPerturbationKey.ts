import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each retailer's fixed random key for the cell-key perturbation of the partner API (ADR 8). A table of its
 * own, not a column of `retailer`: nothing that reads or copies a retailer (the customer API, exports, the
 * audit trail's `to_jsonb(retailer)`) can carry it. 32 random bits from `gen_random_uuid()` (a strong random
 * source, in core since PostgreSQL 13), drawn once for every retailer and, by a statement trigger, for every
 * retailer inserted later, whatever the path (register, import, fixtures).
 */
export class RetailerPerturbationKey1795500000000 implements MigrationInterface {
  name = 'RetailerPerturbationKey1795500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "retailer_perturbation_key" (
                "retailer_id" integer NOT NULL,
                "key" bigint NOT NULL,
                CONSTRAINT "retailer_perturbation_key_pk" PRIMARY KEY ("retailer_id"),
                CONSTRAINT "retailer_perturbation_key_range" CHECK ("key" >= 0 AND "key" < 4294967296),
                CONSTRAINT "retailer_perturbation_key_retailer_fk" FOREIGN KEY ("retailer_id")
                    REFERENCES "retailer" ("id") ON DELETE CASCADE
            )
        `);
    await queryRunner.query(`
            CREATE FUNCTION "retailer_perturbation_key_draw"() RETURNS bigint LANGUAGE sql VOLATILE AS
            $$ SELECT ('x' || left(replace(gen_random_uuid()::text, '-', ''), 8))::bit(32)::bigint $$
        `);
    await queryRunner.query(`
            INSERT INTO "retailer_perturbation_key" ("retailer_id", "key")
            SELECT "id", "retailer_perturbation_key_draw"() FROM "retailer"
        `);
    await queryRunner.query(`
            CREATE FUNCTION "retailer_perturbation_key_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              INSERT INTO "retailer_perturbation_key" ("retailer_id", "key")
              SELECT "id", "retailer_perturbation_key_draw"() FROM inserted
              ON CONFLICT ("retailer_id") DO NOTHING;
              RETURN NULL;
            END $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "retailer_perturbation_key_insert" AFTER INSERT ON "retailer"
            REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT
            EXECUTE FUNCTION "retailer_perturbation_key_insert"()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "retailer_perturbation_key_insert" ON "retailer"`);
    await queryRunner.query(`DROP FUNCTION "retailer_perturbation_key_insert"()`);
    await queryRunner.query(`DROP TABLE "retailer_perturbation_key"`);
    await queryRunner.query(`DROP FUNCTION "retailer_perturbation_key_draw"()`);
  }
}
