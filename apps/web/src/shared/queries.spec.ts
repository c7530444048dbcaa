import { createOrUpdate } from './queries';

describe(createOrUpdate.name, () => {
  const save = createOrUpdate(
    async (body: { name: string }) => `created ${body.name}`,
    async (id: number, body: { name: string; version: number }) =>
      `updated #${id} from version ${body.version}`,
  );

  it('should create when there is no id', async () => {
    await expect(save({ body: { name: 'A' } })).resolves.toBe('created A');
  });

  it('should update the record with the id', async () => {
    await expect(save({ id: 4, body: { name: 'A', version: 2 } })).resolves.toBe('updated #4 from version 2');
  });
});
