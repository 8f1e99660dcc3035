// Regenerates docs/screenshots/*.png: the main pages of the umbrella's workspace and the portals on the embedded demo,
// as the README shows them. Run `npm run screenshots` (it builds first); needs Debian's chromium
// (apt-get install -y chromium, or CHROMIUM_PATH). Starts its own server on a fresh demo database.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const PORT = Number(process.env.SCREENSHOT_PORT ?? 3917);
const BASE = `http://127.0.0.1:${PORT}`;
const OUT = new URL('../docs/screenshots/', import.meta.url);
const dataDir = mkdtempSync(join(tmpdir(), 'bp-screenshots-'));

const env = { ...process.env, PORT: String(PORT), DATA_DIR: dataDir, LOG_FORMAT: 'text' };
delete env.DATABASE_URL;
delete env.REDIS_URL;
const server = spawn(process.execPath, ['dist/main.js'], { env, stdio: ['ignore', 'inherit', 'inherit'] });

async function ready() {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      if ((await fetch(`${BASE}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the server did not answer /health within 5 minutes');
}

try {
  await ready();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = await (await browser.newContext({ baseURL: BASE, locale: 'nl-NL', viewport: { width: 1280, height: 860 } })).newPage();
  await page.goto('/login');
  await page.fill('#email', 'admin@example.org');
  await page.fill('#password', 'broedplaats');
  await Promise.all([page.waitForURL('**/dashboard'), page.click('form[action="/login"] button[type=submit]')]);
  const shot = (name) => page.screenshot({ path: new URL(`${name}.png`, OUT).pathname, fullPage: false });
  await shot('dashboard');
  // The demo's own building (the dashboard also lists the one a tender was awarded for).
  await Promise.all([page.waitForURL('**/buildings/*'), page.locator('table.data tbody th a', { hasText: 'Volkskrantgebouw' }).click()]);
  await shot('building');
  const buildingPath = new URL(page.url()).pathname;
  const buildingId = buildingPath.split('/').pop();
  await page.goto(`${buildingPath}/rounds`);
  await Promise.all([page.waitForURL('**/rounds/*'), page.locator('table.data tbody th a').first().click()]);
  await shot('round');
  await page.goto('/tenants?q=a');
  await shot('tenants');
  await page.goto('/invoices?status=overdue');
  await shot('invoices');
  await page.locator('table.data tbody th a').first().click();
  await page.waitForURL('**/invoices/*');
  await shot('invoice');
  await page.goto('/reports');
  await shot('reports');
  // Collecting this month's rent: the direct-debit batch of the makers with a mandate, a fortnight from today
  // (an invoice is collected once its 14 days' pre-notification have passed).
  await page.goto(`/collections?buildingId=${buildingId}`);
  await page.fill('#f-collectionDate', new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10));
  await Promise.all([page.waitForURL('**/collections/*'), page.click('form[method=post][action="/collections"] button')]);
  await shot('collection');
  await page.goto(`/arrears?buildingId=${buildingId}`);
  await shot('arrears');
  // The double balance of the building's working groups and public programme, this year.
  await page.goto(`/time?building=${buildingId}`);
  await shot('time');
  await page.goto('/tenders');
  await Promise.all([page.waitForURL('**/tenders/*'), page.locator('table.tenders tbody a').first().click()]);
  await shot('tender');

  // The owners' portal: Stadgenoot sold the building two months back and keeps reading its own years;
  // Magnificent 8 owns it now and sees its occupancy.
  const signInAs = async (email, home, viewport = { width: 1280, height: 860 }) => {
    const context = await browser.newContext({ baseURL: BASE, locale: 'nl-NL', viewport });
    const portal = await context.newPage();
    await portal.goto('/login');
    await portal.fill('#email', email);
    await portal.fill('#password', 'broedplaats');
    await Promise.all([portal.waitForURL(`**${home}`), portal.click('form[action="/login"] button[type=submit]')]);
    return portal;
  };
  const seller = await signInAs('owner@example.org', '/owner');
  await seller.screenshot({ path: new URL('owner.png', OUT).pathname, fullPage: false });
  await seller.goto('/owner/finance');
  await seller.screenshot({ path: new URL('owner-finance.png', OUT).pathname, fullPage: false });
  const buyer = await signInAs('buyer@example.org', '/owner');
  await Promise.all([buyer.waitForURL('**/owner/buildings/*'), buyer.locator('table.owned-buildings a').first().click()]);
  await buyer.screenshot({ path: new URL('owner-building.png', OUT).pathname, fullPage: false });
  // Stadgenoot's empty offices elsewhere in the city, each in its stage of the vacancy file.
  await seller.goto('/owner/properties');
  await seller.screenshot({ path: new URL('owner-properties.png', OUT).pathname, fullPage: false });

  // The maker's portal, as most makers see it: on a phone.
  const maker = await signInAs('tenant@example.org', '/my', { width: 375, height: 812 });
  await maker.screenshot({ path: new URL('maker.png', OUT).pathname, fullPage: true });
  await maker.goto('/my/invoices');
  await maker.screenshot({ path: new URL('maker-invoices.png', OUT).pathname, fullPage: true });
  await maker.goto('/my/hours');
  await maker.screenshot({ path: new URL('maker-hours.png', OUT).pathname, fullPage: false });

  // The city's portal: Bureau Broedplaatsen's monitor.
  const city = await signInAs('monitor@example.org', '/city');
  await city.screenshot({ path: new URL('city.png', OUT).pathname, fullPage: false });
  await city.goto('/city/vacancies');
  await city.screenshot({ path: new URL('city-vacancies.png', OUT).pathname, fullPage: false });
  await city.goto('/city/double-balance');
  await city.screenshot({ path: new URL('city-double-balance.png', OUT).pathname, fullPage: false });
  await browser.close();
  console.log(`screenshots written to ${OUT.pathname}`);
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
