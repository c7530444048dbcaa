import { maskUrl } from './logger.options';

describe('maskUrl', () => {
  it('should hide search terms that can be phone numbers or names', () => {
    expect(maskUrl('/api/customers?search=13800138000&tier=3')).toBe('/api/customers?search=***&tier=3');
  });

  it('should leave URLs without personal parameters alone', () => {
    expect(maskUrl('/api/customers?page=2')).toBe('/api/customers?page=2');
    expect(maskUrl('/api/customers/5')).toBe('/api/customers/5');
  });
});
