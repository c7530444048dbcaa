/** Names of the files the generator writes, one per record type. */
export const DEMO_FILES = {
  districts: 'districts.csv',
  manufacturers: 'manufacturers.csv',
  accountManagers: 'account-managers.csv',
  brands: 'brands.csv',
  retailers: 'retailers.csv',
  orderLines: 'order-lines.csv',
} as const;

export type DemoFileName = (typeof DEMO_FILES)[keyof typeof DEMO_FILES];
