import { ApiError } from './api/api-error';
import { errorText } from './error-text';

describe(errorText.name, () => {
  it("should show the API's message", () => {
    expect(errorText(new ApiError(409, 'CONFLICT', 'The code is taken'))).toBe('The code is taken');
  });

  it('should show anything else as text', () => {
    expect(errorText(new Error('boom'))).toBe('Error: boom');
    expect(errorText('offline')).toBe('offline');
  });
});
