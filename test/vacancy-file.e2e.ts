import { FixedClock } from '../src/common/clock/clock.js';
import { VacancyDailyScheduler } from '../src/modules/properties/vacancy-daily.handler.js';
import { binary } from './helpers/binary.js';
import { eventually } from './helpers/eventually.js';
import { pdfText } from './helpers/pdf-text.js';
import { readXlsx } from './helpers/xlsx.js';
import { createOrganisation, createUser } from './helpers/factories.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * The vacancy file on the statutory clock: a vacancy recorded → the daily job marks the report due by
 * the bylaw in force when it began and mails the owner → the owner reports (once) → the city consults
 * → the city decides. Every step outside the life cycle is 422.
 */
describe('the vacancy file', () => {
  const clock = FixedClock.on('2026-03-02');
  let t: TestApp;
  let owner: { Authorization: string };
  let city: { Authorization: string };
  let otherOwner: { Authorization: string };
  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    const organisation = await createOrganisation(t, { kind: 'owner' });
    const other = await createOrganisation(t, { kind: 'owner' });
    const municipality = await createOrganisation(t, { kind: 'municipality', city: 'Amsterdam' });
    const login = async (overrides: Record<string, unknown>) => {
      const user = await createUser(t, overrides);
      return t.login(user.email, user.password);
    };
    owner = await login({ role: 'owner', organisationId: organisation.id });
    otherOwner = await login({ role: 'owner', organisationId: other.id });
    city = await login({ role: 'municipality', organisationId: municipality.id });
  });
  afterAll(() => t.close());

  async function vacantOffice(vacantSince: string): Promise<{ propertyId: string; periodId: string }> {
    const property = await t
      .http()
      .post('/api/properties')
      .set(owner)
      .send({
        name: `Wibautstraat ${Math.floor(Math.random() * 1000)}`,
        address: 'Wibautstraat 131',
        city: 'Amsterdam',
        district: 'Oost',
        useCategory: 'office',
        floors: [
          { level: 0, totalM2: 500, vacantM2: 500 },
          { level: 1, totalM2: 500, vacantM2: 250 },
        ],
      });
    expect(property.status).toBe(201);
    const period = await t
      .http()
      .post(`/api/properties/${property.body.id}/vacancies`)
      .set(owner)
      .send({ vacantSince, reason: 'no-tenant' });
    expect(period.status).toBe(201);
    return { propertyId: property.body.id, periodId: period.body.id };
  }

  const file = async (periodId: string, headers = owner) => (await t.http().get(`/api/vacancies/${periodId}`).set(headers)).body;
  const report = {
    vacantSince: '2026-01-31',
    reason: 'no-tenant',
    prospects: 'Looking for a tenant; interim use welcome',
    floors: [
      { level: 0, vacantM2: 500 },
      { level: 1, vacantM2: 250 },
    ],
  };

  it('runs from vacancy to decision, each deadline by the bylaw of its day', async () => {
    clock.setDay('2026-03-02');
    const { periodId } = await vacantOffice('2026-01-31');
    expect((await file(periodId)).deadlines).toMatchObject({
      reportDueOn: '2026-07-31',
      reportOverdue: false,
      reportFineCents: 750_000,
      reportRules: 'Amsterdam 2022-12-01',
    });

    // The daily job, queued once per day whatever the number of processes, marks it on the day it falls due.
    clock.setDay('2026-07-30');
    await t.app.get(VacancyDailyScheduler).tick();
    await eventually(async () => expect((await file(periodId)).period.status).toBe('open'));
    clock.setDay('2026-07-31');
    await t.app.get(VacancyDailyScheduler).tick();
    await t.app.get(VacancyDailyScheduler).tick();
    await eventually(async () => expect((await file(periodId)).period.status).toBe('report-due'));
    await eventually(async () => {
      const mails = (await t.http().get('/api/messages').set(owner)).body.items as { template: string; eventType: string }[];
      expect(mails.filter((mail) => mail.template === 'vacancy-report-due')).toHaveLength(1);
    });

    // Consulting or deciding before the report is outside the life cycle.
    const early = await t
      .http()
      .post(`/api/vacancies/${periodId}/consultations`)
      .set(city)
      .send({ heldOn: '2026-07-31', parties: 'x', outcome: 'y', nextStep: 'z' });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('transition_not_allowed');

    clock.setDay('2026-08-10');
    // Another owner cannot see the file at all; the city cannot file the owner's report.
    expect((await t.http().get(`/api/vacancies/${periodId}`).set(otherOwner)).status).toBe(404);
    expect((await t.http().post(`/api/vacancies/${periodId}/report`).set(city).send(report)).status).toBe(403);
    const bad = await t
      .http()
      .post(`/api/vacancies/${periodId}/report`)
      .set(owner)
      .send({
        ...report,
        floors: [
          { level: 1, vacantM2: 600 },
          { level: 7, vacantM2: 1 },
        ],
      });
    expect(bad.status).toBe(422);
    expect(bad.body.details.map((detail: { field: string }) => detail.field)).toEqual(['floors.0.vacantM2', 'floors.1.level']);
    const filed = await t.http().post(`/api/vacancies/${periodId}/report`).set(owner).send(report);
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ period: { status: 'reported' }, report: { filedOn: '2026-08-10', prospects: report.prospects } });
    expect(filed.body.deadlines).toMatchObject({ consultationDueOn: '2026-10-10', consultationOverdue: false });
    // Filed is filed: a second report is refused, and the first stays as it was.
    const again = await t
      .http()
      .post(`/api/vacancies/${periodId}/report`)
      .set(owner)
      .send({ ...report, prospects: 'changed my mind' });
    expect(again.status).toBe(422);
    expect((await file(periodId)).report.prospects).toBe(report.prospects);

    expect((await t.http().post(`/api/vacancies/${periodId}/decision`).set(city).send({ kind: 'closed', motivation: 'x' })).status).toBe(
      422,
    );
    const before = await t
      .http()
      .post(`/api/vacancies/${periodId}/consultations`)
      .set(city)
      .send({ heldOn: '2026-08-09', parties: 'x', outcome: 'y', nextStep: 'z' });
    expect(before.status).toBe(422);
    expect(before.body.code).toBe('consultation_before_report');

    clock.setDay('2026-09-15');
    const consulted = await t.http().post(`/api/vacancies/${periodId}/consultations`).set(city).send({
      heldOn: '2026-09-14',
      parties: 'Owner, Bureau Broedplaatsen',
      outcome: 'Ground floor offered for interim use',
      nextStep: 'Tender among umbrellas',
    });
    expect(consulted.status).toBe(201);
    expect(consulted.body.period.status).toBe('consulted');
    expect((await t.http().post(`/api/vacancies/${periodId}/decision`).set(owner).send({ kind: 'closed', motivation: 'x' })).status).toBe(
      403,
    );
    const decided = await t
      .http()
      .post(`/api/vacancies/${periodId}/decision`)
      .set(city)
      .send({ kind: 'interim-use-agreed', motivation: 'A broedplaats for five years' });
    expect(decided.status).toBe(201);
    expect(decided.body).toMatchObject({
      period: { status: 'decided' },
      decision: { kind: 'interim-use-agreed', decidedOn: '2026-09-15' },
    });
    expect(
      (await t.http().post(`/api/vacancies/${periodId}/decision`).set(city).send({ kind: 'closed', motivation: 'again' })).status,
    ).toBe(422);
  });

  it('counts a vacancy that began under the 2011 bylaw by it, and its consultation by the bylaw of the report day', async () => {
    clock.setDay('2022-05-01');
    const { periodId } = await vacantOffice('2021-12-15');
    expect((await file(periodId)).deadlines).toMatchObject({
      reportDueOn: '2022-06-15',
      reportRules: 'Amsterdam 2011-07-01',
      reportFineCents: null,
    });
    clock.setDay('2022-12-05');
    expect(
      (
        await t
          .http()
          .post(`/api/vacancies/${periodId}/report`)
          .set(owner)
          .send({ ...report, vacantSince: '2021-12-15' })
      ).status,
    ).toBe(201);
    expect((await file(periodId)).deadlines).toMatchObject({ consultationDueOn: '2023-02-05', consultationRules: 'Amsterdam 2022-12-01' });
    clock.setDay('2023-02-06');
    expect((await file(periodId, city)).deadlines.consultationOverdue).toBe(true);
  });

  it("opens a period from a neighbour's signal without storing who reported it", async () => {
    clock.setDay('2026-03-02');
    const property = await t
      .http()
      .post('/api/properties')
      .set(city)
      .send({
        name: 'Signalled',
        address: 'Mauritskade 1',
        city: 'Amsterdam',
        useCategory: 'retail',
        ownerId: (await createOrganisation(t, { kind: 'owner' })).id,
        floors: [{ level: 0, totalM2: 80, vacantM2: 80 }],
      });
    expect(property.status).toBe(201);
    expect((await t.http().post(`/api/properties/${property.body.id}/signals`).set(owner).send({ vacantSince: '2026-01-01' })).status).toBe(
      403,
    );
    const signal = await t.http().post(`/api/properties/${property.body.id}/signals`).set(city).send({ vacantSince: '2026-01-01' });
    expect(signal.status).toBe(201);
    expect(signal.body).toMatchObject({ source: 'signal', reason: 'unknown', status: 'open' });
    expect(JSON.stringify(signal.body)).not.toMatch(/recordedBy|reporter/);
    expect((await t.http().post(`/api/properties/${property.body.id}/signals`).set(city).send({ vacantSince: '2026-04-01' })).status).toBe(
      422,
    );
  });

  it('lists the bylaws with their sources', async () => {
    const sets = (await t.http().get('/api/vacancy-rule-sets').query({ city: 'Amsterdam' }).set(owner)).body;
    expect(sets).toEqual([
      expect.objectContaining({
        validFrom: '2011-07-01',
        reportAfterMonths: 6,
        consultationWithinMonths: 3,
        source: expect.stringContaining('Leegstandverordening Amsterdam 2011'),
        // No official reference was verified for 2011: the note says so.
        note: expect.stringContaining('not verified'),
      }),
      expect.objectContaining({
        validFrom: '2022-12-01',
        reportAfterMonths: 6,
        consultationWithinMonths: 2,
        fineTiers: [{ offence: 'not-reporting', useCategory: 'office', amountCents: 750_000 }],
        source: expect.stringContaining('Leegstandverordening Amsterdam 2022'),
        note: expect.stringContaining('CVDR684070'),
      }),
    ]);
  });

  it('gives the city its pipeline through the report job, in every format', async () => {
    clock.setDay('2026-12-03');
    const files: Record<string, Buffer> = {};
    for (const format of ['json', 'csv', 'xlsx', 'pdf']) {
      const requested = await t.http().post('/api/reports').set(city).send({ kind: 'vacancy-pipeline', period: '2026', format });
      expect(requested.status).toBe(202);
      await eventually(
        async () => expect((await t.http().get(`/api/reports/${requested.body.id}`).set(city)).body.status).toBe('completed'),
        20_000,
      );
      files[format] = (await t.http().get(`/api/reports/${requested.body.id}/file`).set(city).buffer(true).parse(binary)).body as Buffer;
    }
    const json = JSON.parse(files.json!.toString('utf8'));
    expect(json).toMatchObject({ city: 'Amsterdam', period: '2026' });
    expect(json.districts.map((district: { district: string }) => district.district)).toContain('Oost');
    expect(files.csv!.toString('utf8').split('\r\n')[0]).toBe('city,asOf,district,measure,group,properties,vacantM2');
    expect((await readXlsx(files.xlsx!)).worksheets.map((sheet) => sheet.name)).toEqual([
      'Overzicht',
      'Per status',
      'Per leegstandsduur',
      'Per jaar',
    ]);
    expect(await pdfText(files.pdf!)).toContain('Leegstandspijplijn Amsterdam');
    expect(
      (await t.http().post('/api/reports').set(owner).send({ kind: 'vacancy-pipeline', period: '2026', format: 'json', city: 'Amsterdam' }))
        .status,
    ).toBe(403);
  });
});
