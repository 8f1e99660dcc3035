import { hashPassword, verifyAgainstDecoy, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('verifies the right password and refuses any other', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(hash).not.toContain('correct');
    await expect(verifyPassword('correct horse battery staple', hash)).resolves.toBe(true);
    await expect(verifyPassword('correct horse battery stapler', hash)).resolves.toBe(false);
    await expect(verifyPassword('anything', 'plain-text-stored')).resolves.toBe(false);
    await expect(verifyAgainstDecoy('anything')).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('treats composed and decomposed accents alike', async () => {
    const hash = await hashPassword('Zoë');
    await expect(verifyPassword('Zoe\u0308', hash)).resolves.toBe(true);
  });
});
