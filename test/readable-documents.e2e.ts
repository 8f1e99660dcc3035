import { FixedClock } from '../src/common/clock/clock.js';
import { binary } from './helpers/binary.js';
import { eventually } from './helpers/eventually.js';
import {
  assessBand,
  createBuilding,
  createFloor,
  createIssuer,
  createLease,
  createOrganisation,
  createSpace,
  createTenant,
  createUser,
} from './helpers/factories.js';
import { pdfCreationDay, pdfText } from './helpers/pdf-text.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * Every kind of PDF gives its text back as a reader copies, searches or hears it: capital C
 * included (it once extracted as nothing), letters of European names and the euro sign.
 */
describe('documents whose text can be read', () => {
  let t: TestApp;
  let ids: { building: string; invoice: string; creditNote: string; handover: string; lease: string };
  let owners: { seller: Record<string, string>; buyer: Record<string, string> };

  const get = async (path: string, headers: Record<string, string> = t.admin) => {
    const response = await t.http().get(path).set(headers).buffer(true).parse(binary);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    return response.body as Buffer;
  };
  const text = async (pdf: Buffer) => (await pdfText(pdf)).replace(/\s+/g, ' ');
  const login = async (organisationId: string) => {
    const user = await createUser(t, { role: 'owner', organisationId });
    return t.login(user.email, user.password);
  };

  const invoiceRun = async (buildingId: string, period: string) => {
    const run = await t.http().post(`/api/buildings/${buildingId}/invoice-runs`).set(t.admin).send({ period });
    expect(run.status).toBe(202);
    await eventually(async () => {
      expect((await t.http().get(`/api/invoice-runs/${run.body.id}`).set(t.admin)).body.status).toBe('completed');
    });
  };

  beforeAll(async () => {
    t = await startTestApp({}, { clock: FixedClock.on('2011-10-01') });
    // The first document of the process has a composite Ç but no plain C: fontkit would remember
    // the C inside it as standing for nothing, and every later document would lose its C's.
    const firstIssuer = await createOrganisation(t, {
      kind: 'umbrella',
      name: 'Stichting Kunsthuis',
      address: 'Rue de la Paix 1, 75002 Paris',
      kvkNumber: '34263538',
      vatNumber: 'NL123456782B01',
      iban: 'NL91ABNA0417164300',
    });
    const first = await createBuilding(t, { name: 'Kunsthuis', invoicePrefix: 'KH', umbrellaId: firstIssuer.id });
    const maker = await createTenant(t, { name: 'François Çelik', address: 'Rue de la Paix 1, 75002 Paris' });
    await assessBand(t, maker.id, first.id, 1_000_000, 2010);
    const firstFloor = await createFloor(t, first.id, { level: 0 });
    await createLease(t, {
      tenantId: maker.id,
      spaceId: (await createSpace(t, firstFloor.id, { code: 'K1' })).id,
      startDate: '2011-09-01',
    });
    await invoiceRun(first.id, '2011-10');

    const seller = await createOrganisation(t, { kind: 'owner', name: 'Stadgenoot Çelik' });
    const buyer = await createOrganisation(t, { kind: 'owner', name: 'Őrs Holding' });
    const building = await createBuilding(t, { name: 'ICT-huis Łódź', ownerId: seller.id, umbrellaId: (await createIssuer(t)).id });
    const leaving = await createFloor(t, building.id, { level: 1 });
    const staying = await createFloor(t, building.id, { level: 2 });
    const tenant = await createTenant(t, { name: 'Őrs Şahin', address: 'ul. Piotrkowska 1, 90-001 Łódź', discipline: 'ICT' });
    await assessBand(t, tenant.id, building.id, 5_000_000, 2010);
    const lease = await createLease(t, {
      tenantId: tenant.id,
      spaceId: (await createSpace(t, leaving.id, { code: 'C1', areaM2: 26 })).id,
      startDate: '2011-09-01',
      endDate: '2013-06-30',
    });
    await createSpace(t, staying.id, { code: 'C2', areaM2: 26 });

    await invoiceRun(building.id, '2011-10');
    const [invoice] = (await t.http().get(`/api/invoices?buildingId=${building.id}`).set(t.admin)).body.items;
    const credit = await t.http().post(`/api/invoices/${invoice.id}/credit-notes`).set(t.admin).send({ reason: 'Tarief C was fout' });
    expect(credit.status).toBe(201);

    const handover = await t
      .http()
      .post(`/api/buildings/${building.id}/handovers`)
      .set(t.admin)
      .send({ newOwnerId: buyer.id, transferDate: '2011-10-01', retainedFloorIds: [staying.id] });
    expect(handover.status).toBe(202);
    await eventually(async () => {
      expect((await t.http().get(`/api/handovers/${handover.body.id}`).set(t.admin)).body).toMatchObject({ dossierReady: true });
    });
    ids = { building: building.id, invoice: invoice.id, creditNote: credit.body.id, handover: handover.body.id, lease: lease.id };
    owners = { seller: await login(seller.id), buyer: await login(buyer.id) };
  }, 180_000); // the app, two invoice runs, a credit note and a handover: minutes on a busy machine
  afterAll(() => t.close());

  it('an invoice: the building, the IBAN in groups of four, the issuer in the footer, dated its issue day', async () => {
    const pdf = await get(`/api/invoices/${ids.invoice}/pdf`);
    const invoice = await text(pdf);
    for (const expected of [
      'Factuur',
      'Pand: ICT-huis Łódź',
      'Őrs Şahin',
      'Piotrkowska 1',
      'tarief C',
      'IBAN NL91 ABNA 0417 1643 00',
      'KvK 34263538',
      'pagina 1 van 1',
      '€ ',
    ])
      expect(invoice).toContain(expected);
    expect(await pdfCreationDay(pdf)).toBe('2011-10-01');
  });

  it('a credit note: its own number, the credited invoice with its date, negative amounts, nothing to pay', async () => {
    const { number } = (await t.http().get(`/api/invoices/${ids.invoice}`).set(t.admin)).body;
    const credit = (await t.http().get(`/api/invoices/${ids.creditNote}`).set(t.admin)).body;
    const pdf = await get(`/api/invoices/${ids.creditNote}/pdf`);
    const note = await text(pdf);
    expect(note).toContain('Creditnota');
    expect(note).toContain(`Creditnotanummer: ${credit.number}`);
    expect(note).toContain(`Crediteert factuur ${number} van 01-10-2011`);
    expect(note).toContain('Reden van creditering: Tarief C was fout');
    expect(note).toContain('Pand: ICT-huis Łódź');
    expect(note).toMatch(/Totaal gecrediteerd € -\d/);
    expect(note).not.toContain('Vervaldatum');
    expect(note).not.toMatch(/te betalen/i);
    expect(await pdfCreationDay(pdf)).toBe('2011-10-01');
  });

  it('the handover dossier, as each owner gets it, and the notice letter', async () => {
    for (const headers of [owners.seller, owners.buyer]) {
      const pdf = await get(`/api/handovers/${ids.handover}/dossier`, headers);
      const dossier = await text(pdf);
      for (const expected of ['Overdrachtsdossier ICT-huis Łódź', 'Stadgenoot Çelik', 'Őrs Holding', 'C1', '€ '])
        expect(dossier).toContain(expected);
      // The owners' copy names no sub-tenant; the umbrella's (below) does.
      expect(dossier).not.toContain('Őrs Şahin');
      expect(await pdfCreationDay(pdf)).toBe('2011-10-01'); // the transfer date
    }
    expect(await text(await get(`/api/handovers/${ids.handover}/dossier`))).toContain('Őrs Şahin');
    const pdf = await get(`/api/leases/${ids.lease}/notice`);
    const letter = await text(pdf);
    for (const expected of ['Ontruimingsaanzegging ruimte C1, ICT-huis Łódź', 'Őrs Şahin', 'Piotrkowska 1, 90-001 Łódź', 'Őrs Holding'])
      expect(letter).toContain(expected);
    expect(await pdfCreationDay(pdf)).toBe('2011-10-01');
  });

  it('the owner’s report and the city monitor, dated the day they were made', async () => {
    const report = async (body: Record<string, unknown>) => {
      const requested = await t
        .http()
        .post('/api/reports')
        .set(t.admin)
        .send({ ...body, format: 'pdf' });
      expect(requested.status).toBe(202);
      await eventually(async () => {
        expect((await t.http().get(`/api/reports/${requested.body.id}`).set(t.admin)).body.status).toBe('completed');
      });
      return get(`/api/reports/${requested.body.id}/file`);
    };
    const ownerPdf = await report({ kind: 'owner-occupancy', buildingId: ids.building, period: '2011-10' });
    const owner = await text(ownerPdf);
    expect(owner).toContain('ICT-huis Łódź');
    expect(owner).toContain('gemaakt op 01-10-2011');
    expect(await pdfCreationDay(ownerPdf)).toBe('2011-10-01');
    const monitor = await text(await report({ kind: 'municipality-monitor', city: 'Amsterdam', period: '2011-10' }));
    for (const expected of ['Broedplaatsmonitor Amsterdam', 'ICT-huis Łódź', 'Tarief C', 'Discipline ICT', '€ '])
      expect(monitor).toContain(expected);
  });
});
