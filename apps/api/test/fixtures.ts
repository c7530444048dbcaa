import type { DataSource } from 'typeorm';

/** Small, explicit data for API tests, inserted with SQL so tests do not depend on the import path. */
export interface RegisterFixture {
  cityId: number;
  countyIds: [number, number];
  routeIds: [number, number, number];
  managerIds: [number, number];
  brandIds: [number, number];
  retailerIds: number[];
}

async function insertDistrict(
  db: DataSource,
  code: string,
  name: string,
  level: string,
  parent: { id: number; path: string } | null,
  marketType: string | null,
): Promise<{ id: number; path: string }> {
  const [{ id }] = await db.query(
    `INSERT INTO district (code, name, level, parent_id, path, market_type, version)
     VALUES ($1, $2, $3, $4, '', $5, 1) RETURNING id`,
    [code, name, level, parent?.id ?? null, marketType],
  );
  const path = `${parent?.path ?? '/'}${id}/`;
  await db.query('UPDATE district SET path = $1 WHERE id = $2', [path, id]);
  return { id, path };
}

export async function seedRegister(db: DataSource): Promise<RegisterFixture> {
  const city = await insertDistrict(db, 'C', '示范市', 'city', null, null);
  const countyA = await insertDistrict(db, 'C01', '东区', 'county', city, null);
  const countyB = await insertDistrict(db, 'C02', '西县', 'county', city, null);
  const areaA = await insertDistrict(db, 'C01-M01', '东区一部', 'market_area', countyA, 'urban');
  const areaB = await insertDistrict(db, 'C02-M01', '西县一部', 'market_area', countyB, 'rural');
  const routeA1 = await insertDistrict(db, 'C01-M01-R01', '线路一', 'route', areaA, 'urban');
  const routeA2 = await insertDistrict(db, 'C01-M01-R02', '线路二', 'route', areaA, 'urban');
  const routeB1 = await insertDistrict(db, 'C02-M01-R01', '线路三', 'route', areaB, 'rural');
  const managers = await db.query(
    `INSERT INTO account_manager (code, name, phone, district_ids, version) VALUES
     ('AM01', '李经理', '13900000001', $1, 1), ('AM02', '王经理', '13900000002', $2, 1) RETURNING id`,
    [[areaA.id], [areaB.id]],
  );
  const [{ id: manufacturerId }] = await db.query(
    `INSERT INTO manufacturer (code, name, version) VALUES ('M01', '示范中烟', 1) RETURNING id`,
  );
  const brands = await db.query(
    `INSERT INTO brand (code, name, manufacturer_id, price_class, wholesale_price, retail_price, pack_type, status, version)
     VALUES ('B001', '黄鹤楼(硬)', $1, 2, 250, 280, 'hard', 'active', 1),
            ('B002', '红金龙(软)', $1, 4, 95, 110, 'soft', 'active', 1) RETURNING id`,
    [manufacturerId],
  );
  const retailerIds: number[] = [];
  const rows = [
    ['420100000001', '惠民便利店', '张三', '13800000001', routeA1.id, 'urban', 'convenience', 1, 25, 'A', 0],
    ['420100000002', '好运食杂店', '李四', '13800000002', routeA1.id, 'urban', 'grocery', 2, 12, 'B', 0],
    [
      '420100000003',
      '金叶烟酒行',
      '王五',
      '13800000003',
      routeA2.id,
      'urban',
      'tobacco_liquor',
      1,
      30,
      'A',
      0,
    ],
    ['420200000004', '乡村小卖部', '赵六', '13800000004', routeB1.id, 'rural', 'grocery', 3, 3, 'C', 1],
    ['420200000005', '集市超市', '孙七', '13800000005', routeB1.id, 'rural', 'supermarket', 2, 15, 'D', 1],
  ] as const;
  const businessLetters: Record<string, string> = {
    convenience: 'B',
    grocery: 'Z',
    tobacco_liquor: 'Y',
    supermarket: 'S',
  };
  for (const [
    licence,
    shop,
    owner,
    phone,
    districtId,
    market,
    business,
    scale,
    tier,
    grade,
    manager,
  ] of rows) {
    const code = `${market === 'urban' ? 'C' : 'X'}${businessLetters[business]}${scale}`;
    const [{ id }] = await db.query(
      `INSERT INTO retailer (licence_no, shop_name, owner_name, phone, address, district_id, market_type, business_type,
         trade_area, scale, classification_code, licence_status, integrity_grade, tier, account_manager_id, order_day,
         visit_cycle, version)
       VALUES ($1,$2,$3,$4,'某路1号',$5,$6,$7,'residential',$8,$9,'valid',$10,$11,$12,2,'weekly',1) RETURNING id`,
      [
        licence,
        shop,
        owner,
        phone,
        districtId,
        market,
        business,
        scale,
        code,
        grade,
        tier,
        managers[manager].id,
      ],
    );
    retailerIds.push(id);
  }
  await db.query(
    `INSERT INTO monthly_sales (retailer_id, month, brand_id, cartons, amount, order_count) VALUES
     ($1, '2026-08-01', $2, 10, 2500, 4), ($1, '2026-09-01', $2, 12, 3000, 4), ($1, '2026-10-01', $3, 5, 475, 2),
     ($4, '2026-10-01', $3, 2, 190, 1)`,
    [retailerIds[0], brands[0].id, brands[1].id, retailerIds[3]],
  );
  return {
    cityId: city.id,
    countyIds: [countyA.id, countyB.id],
    routeIds: [routeA1.id, routeA2.id, routeB1.id],
    managerIds: [managers[0].id, managers[1].id],
    brandIds: [brands[0].id, brands[1].id],
    retailerIds,
  };
}
