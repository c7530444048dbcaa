import type { INestApplication } from '@nestjs/common';

/** Loads the demo data set of the given scale when the register is empty. */
export async function seedIfEmpty(_app: INestApplication, scale: string): Promise<void> {
  console.log(`demo seed (${scale}) not implemented yet`);
}
