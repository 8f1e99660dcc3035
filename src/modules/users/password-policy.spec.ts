import { passwordWeakness } from './password-policy.js';

describe('passwordWeakness', () => {
  it('refuses a password of only spaces', () => {
    expect(passwordWeakness(' '.repeat(12))).toBe('must not be only spaces');
    expect(passwordWeakness('\t \u00a0'.repeat(6))).toBe('must not be only spaces');
  });

  it('refuses the common passwords whatever their case or surrounding spaces', () => {
    for (const common of ['qwerty123456', 'QWERTY123456', '1qaz2wsx3edc', ' leavemealone ', 'password']) {
      expect(passwordWeakness(common)).toMatch(/most common passwords/);
    }
  });

  it('accepts a password that is neither', () => {
    expect(passwordWeakness('test-admin-password-1')).toBeNull();
    expect(passwordWeakness('a-long-enough-password')).toBeNull();
    expect(passwordWeakness('correct horse battery staple')).toBeNull();
  });
});
