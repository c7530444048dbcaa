import { saveRequest } from './save-request';

describe(saveRequest.name, () => {
  it('should create a record without an id', () => {
    expect(saveRequest({ code: 'M01', name: '示范中烟' })).toEqual({
      body: { code: 'M01', name: '示范中烟' },
    });
  });

  it('should update a record by id, naming the version the form started from', () => {
    expect(saveRequest({ name: '示范中烟' }, { id: 3, version: 7 })).toEqual({
      id: 3,
      body: { name: '示范中烟', version: 7 },
    });
  });

  it('should not keep a version the form values carry from the record', () => {
    const values = { name: 'x', version: 1 };
    expect(saveRequest(values, { id: 3, version: 2 }).body.version).toBe(2);
  });
});
