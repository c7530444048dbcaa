import { classificationCode, DEFAULT_CLASSIFICATION_SCHEME } from './classification';

describe('classificationCode', () => {
  it('should combine market letter, business letter and scale', () => {
    expect(classificationCode({ marketType: 'urban', businessType: 'grocery', scale: 1 })).toBe('CZ1');
    expect(classificationCode({ marketType: 'rural', businessType: 'convenience', scale: 3 })).toBe('XB3');
  });

  it('should follow a configured scheme', () => {
    const scheme = {
      ...DEFAULT_CLASSIFICATION_SCHEME,
      marketLetters: { urban: 'U', rural: 'R' },
    };
    expect(classificationCode({ marketType: 'rural', businessType: 'mall', scale: 2 }, scheme)).toBe('RM2');
  });
});
