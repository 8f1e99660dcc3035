import { randomBytes } from 'node:crypto';
import { describeInBrowser, seriousAxeViolations, startWebApp, type WebTestApp } from '../helpers/browser.js';
import { createUser } from '../helpers/factories.js';
import { eventually } from '../helpers/eventually.js';
import { readableText, TestSmtpServer } from '../helpers/smtp.js';

describeInBrowser('a maker who forgot its password sets a new one from the mail', () => {
  let t: WebTestApp;
  const smtp = new TestSmtpServer();

  beforeAll(async () => {
    t = await startWebApp({ SMTP_URL: await smtp.start(), PUBLIC_URL: 'https://broedplaats.example' });
  });
  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });

  it('asks for the link from the sign-in page, sets the password with it once and signs in', async () => {
    const user = await createUser(t, { role: 'tenant' });
    const { page } = await t.newPage();
    await page.goto('/login');
    await Promise.all([page.waitForURL(/\/password-reset$/), page.locator('a[href="/password-reset"]').click()]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Wachtwoord vergeten');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.locator('#email').fill(user.email);
    await Promise.all([page.waitForURL(/sent=1/), page.locator('form[action="/password-reset"] button').click()]);
    await expect(page.locator('p.notice').textContent()).resolves.toMatch(/de link onderweg/);

    await eventually(async () => expect(smtp.mailsTo(user.email)).toHaveLength(1), 20_000);
    const link = /https:\/\/broedplaats\.example(\/password-reset\/confirm\?token=[A-Za-z0-9_-]+)/.exec(
      readableText(smtp.mailsTo(user.email)[0]!.raw),
    )![1]!;
    await page.goto(link);
    await expect(page.locator('h1').textContent()).resolves.toBe('Nieuw wachtwoord instellen');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // A password of only spaces is refused beside the form, and the link still works after that.
    await page.locator('#password').fill(' '.repeat(12));
    await page.locator('form[action="/password-reset/confirm"] button').click();
    await expect(page.locator('#confirm-error').textContent()).resolves.toBe(
      'Kies een ander wachtwoord: niet alleen spaties, en niet een van de 10.000 meest gebruikte.',
    );
    const password = `new-${randomBytes(8).toString('hex')}`;
    await page.locator('#password').fill(password);
    await Promise.all([page.waitForURL(/\/login\?passwordSet=1/), page.locator('form[action="/password-reset/confirm"] button').click()]);
    await expect(page.locator('p.notice').textContent()).resolves.toBe('Je wachtwoord is ingesteld; meld je ermee aan.');
    await t.signIn(page, user.email, password);
    expect(new URL(page.url()).pathname).not.toBe('/login');

    // The link was used up.
    const { page: again } = await t.newPage();
    await again.goto(link);
    await again.locator('#password').fill(`other-${randomBytes(8).toString('hex')}`);
    await again.locator('form[action="/password-reset/confirm"] button').click();
    await expect(again.locator('#confirm-error').textContent()).resolves.toMatch(/niet \(meer\) geldig/);
  });
});
