import type { DemoWorld } from '@tms/demo-data';
import type { Client } from 'pg';

const json = (value: unknown): string => JSON.stringify(value);

/**
 * Inserts the demo reference data with one statement per table (rows passed as one JSON parameter). Codes
 * already present are left alone, so seeding twice changes nothing. District paths are computed set-based.
 */
export async function seedReferenceData(client: Client, world: DemoWorld): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(
      `INSERT INTO manufacturer (code, name, version)
       SELECT m.code, m.name, 1 FROM jsonb_to_recordset($1::jsonb) AS m(code text, name text)
       ON CONFLICT (code) DO NOTHING`,
      [json(world.manufacturers)],
    );
    await insertDistricts(client, world);
    await client.query(
      `INSERT INTO brand (code, name, manufacturer_id, price_class, wholesale_price, retail_price, pack_type,
                          status, scarce, launched_on, withdrawn_on, version)
       SELECT b."code", b."name", m.id, b."priceClass", b."wholesalePrice", b."retailPrice", b."packType",
              b."status", b."scarce", b."launchedOn", b."withdrawnOn", 1
       FROM jsonb_to_recordset($1::jsonb) AS b("code" text, "name" text, "manufacturerCode" text,
            "priceClass" smallint, "wholesalePrice" numeric, "retailPrice" numeric, "packType" text,
            "status" text, "scarce" boolean, "launchedOn" date, "withdrawnOn" date)
       JOIN manufacturer m ON m.code = b."manufacturerCode"
       ON CONFLICT (code) DO NOTHING`,
      [json(world.brands)],
    );
    await client.query(
      `INSERT INTO account_manager (code, name, phone, district_ids, version)
       SELECT a."code", a."name", a."phone",
              ARRAY(SELECT d.id FROM district d WHERE d.code = ANY (a."districtCodes") ORDER BY d.id), 1
       FROM jsonb_to_recordset($1::jsonb) AS a("code" text, "name" text, "phone" text, "districtCodes" text[])
       ON CONFLICT (code) DO NOTHING`,
      [json(world.accountManagers)],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** Districts come parent first; ids, parents and materialised paths (`/1/4/17/`) are resolved afterwards. */
async function insertDistricts(client: Client, world: DemoWorld): Promise<void> {
  const districts = json(world.districts);
  await client.query(
    `INSERT INTO district (code, name, level, market_type, path, version)
     SELECT d.value->>'code', d.value->>'name', d.value->>'level', d.value->>'marketType', '', 1
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS d(value, n)
     ORDER BY d.n
     ON CONFLICT (code) DO NOTHING`,
    [districts],
  );
  await client.query(
    `UPDATE district child SET parent_id = parent.id
     FROM jsonb_to_recordset($1::jsonb) AS d("code" text, "parentCode" text)
     JOIN district parent ON parent.code = d."parentCode"
     WHERE child.code = d."code" AND child.parent_id IS DISTINCT FROM parent.id`,
    [districts],
  );
  await client.query(
    `WITH RECURSIVE tree AS (
       SELECT id, '/' || id || '/' AS path FROM district WHERE parent_id IS NULL
       UNION ALL
       SELECT d.id, tree.path || d.id || '/' FROM district d JOIN tree ON d.parent_id = tree.id
     )
     UPDATE district d SET path = tree.path FROM tree WHERE d.id = tree.id AND d.path <> tree.path`,
  );
}
