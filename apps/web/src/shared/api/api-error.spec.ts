import { ApiError, toFormFieldErrors } from './api-error';

describe(ApiError.name, () => {
  it('should read the API error shape', () => {
    const error = ApiError.fromResponse(409, {
      code: 'STALE_VERSION',
      message: 'changed by someone else',
      requestId: 'req-1',
      details: { expectedVersion: 1, currentVersion: 2 },
    });
    expect(error.status).toBe(409);
    expect(error.code).toBe('STALE_VERSION');
    expect(error.requestId).toBe('req-1');
    expect(error.isStaleVersion).toBe(true);
  });

  it('should survive a body that is not the API shape', () => {
    const error = ApiError.fromResponse(502, '<html>bad gateway</html>');
    expect(error.code).toBe('INTERNAL');
    expect(error.fieldErrors).toEqual([]);
  });

  it('should map validation errors onto the form fields and keep the rest apart', () => {
    const error = ApiError.fromResponse(400, {
      code: 'VALIDATION_FAILED',
      message: 'Validation failed',
      requestId: 'r',
      details: {
        fields: [
          { field: 'phone', messages: ['phone must be an 11-digit mobile'] },
          { field: 'version', messages: ['version must be an integer'] },
          { field: 'bogus', messages: [42] },
        ],
      },
    });
    expect(toFormFieldErrors(error, ['phone', 'tier'])).toEqual({
      fields: [{ name: 'phone', errors: ['phone must be an 11-digit mobile'] }],
      other: [{ field: 'version', messages: ['version must be an integer'] }],
    });
  });

  it('should put a duplicate on the field it names', () => {
    const error = ApiError.fromResponse(409, {
      code: 'DUPLICATE',
      message: 'Retailer with licenceNo 1 already exists',
      requestId: 'r',
      details: { entity: 'Retailer', field: 'licenceNo', value: '1' },
    });
    expect(toFormFieldErrors(error, ['licenceNo']).fields).toEqual([
      {
        name: 'licenceNo',
        errors: ['Retailer with licenceNo 1 already exists'],
      },
    ]);
  });
});
