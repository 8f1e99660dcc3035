import { randomUUID } from 'node:crypto';
import { declaredErrorCodes } from '../src/common/errors/error-codes.js';
import { createOrganisation, createTenant, createUser } from './helpers/factories.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * The OpenAPI document a client generates its code from. These checks run over every operation, so a
 * route added later without `@ApiOperation({ summary, description })`, with a non-uuid id or with an
 * undeclared file type fails here: that is intended (see src/common/openapi/complete-document.ts).
 */
interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  items?: Schema;
  required?: string[];
}
interface Response {
  description: string;
  content?: Record<string, { schema?: Schema }>;
  headers?: Record<string, unknown>;
}
interface Operation {
  operationId: string;
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: unknown;
  responses: Record<string, Response>;
  security?: unknown[];
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PUBLIC = [
  'POST /api/auth/login',
  'POST /api/password-reset',
  'POST /api/password-reset/confirm',
  'GET /health',
  'GET /api/public/properties',
  'GET /api/public/properties/geojson',
];

describe('the OpenAPI document at /docs-json', () => {
  let t: TestApp;
  let document: Document;
  let operations: { key: string; path: string; method: string; operation: Operation }[];

  beforeAll(async () => {
    t = await startTestApp();
    const response = await t.http().get('/docs-json');
    expect(response.status).toBe(200);
    document = response.body as Document;
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, path, method, operation })),
    );
  });
  afterAll(() => t.close());

  const codesOf = (operation: Operation, status: number): string[] => {
    const schema = operation.responses[String(status)]?.content?.['application/json']?.schema;
    return (schema?.allOf ?? []).flatMap((part) => (part.properties?.code?.enum as string[] | undefined) ?? []);
  };
  const find = (key: string): Operation => {
    const found = operations.find((candidate) => candidate.key === key);
    if (!found) throw new Error(`no operation ${key}`);
    return found.operation;
  };

  it('documents the whole API (some sixty operations)', () => {
    expect(operations.length).toBeGreaterThan(55);
  });

  it('gives every operation a summary and a description', () => {
    const lacking = operations
      .filter(({ operation }) => !(operation.summary?.trim() && operation.description?.trim()))
      .map(({ key, operation }) => `${key} (${operation.operationId})`);
    expect(lacking).toEqual([]);
  });

  it('declares every path id as a uuid', () => {
    const notUuid = operations.flatMap(({ key, path, operation }) =>
      [...path.matchAll(/\{(\w+)\}/g)]
        .map((match) => match[1]!)
        .filter((name) => name === 'id' || name.endsWith('Id'))
        .filter((name) => operation.parameters?.find((p) => p.in === 'path' && p.name === name)?.schema?.format !== 'uuid')
        .map((name) => `${key} ${name}`),
    );
    expect(notUuid).toEqual([]);
  });

  it('lists 401 on every operation that needs a token, and 403 where a role may be refused', () => {
    const missing = operations
      .filter(({ key }) => !PUBLIC.includes(key))
      .filter(({ operation }) => !codesOf(operation, 401).includes('token_missing') || operation.security === undefined)
      .map(({ key }) => key);
    expect(missing).toEqual([]);
    for (const key of PUBLIC) expect(codesOf(find(key), 401)).not.toContain('token_missing');
    for (const key of ['POST /api/buildings', 'GET /api/users', 'GET /api/audit', 'POST /api/invoices/{id}/payments']) {
      expect(codesOf(find(key), 403)).toEqual(['forbidden']);
    }
  });

  it('lists 400, 413 and 415 on every operation that takes a body', () => {
    const missing = operations
      .filter(({ operation }) => operation.requestBody !== undefined)
      .filter(({ operation }) => !codesOf(operation, 400).includes('validation_failed') || !codesOf(operation, 415).length)
      .map(({ key }) => key);
    expect(missing).toEqual([]);
  });

  it('declares what every success answer carries (a file route without ApiFile has no content and fails)', () => {
    const bare = operations.flatMap(({ key, operation }) =>
      Object.entries(operation.responses)
        .filter(([status]) => status.startsWith('2') && status !== '204')
        .filter(
          ([, response]) => !response.description || !Object.values(response.content ?? {}).some((media) => media.schema !== undefined),
        )
        .map(([status]) => `${key} ${status}`),
    );
    expect(bare).toEqual([]);
  });

  it('declares the media type of every file answer', () => {
    const types = (key: string) => Object.keys(find(key).responses['200']?.content ?? {}).sort();
    expect(types('GET /api/invoices/{id}/pdf')).toEqual(['application/pdf']);
    expect(types('GET /api/leases/{id}/notice')).toEqual(['application/pdf']);
    expect(types('GET /api/handovers/{id}/dossier')).toEqual(['application/pdf']);
    expect(types('GET /api/reports/{id}/file')).toEqual(['application/json', 'application/pdf', XLSX, 'text/csv'].sort());
    // A file's 200 is bytes; its refusals stay JSON errors.
    expect(find('GET /api/invoices/{id}/pdf').responses['200']!.content!['application/pdf']!.schema).toEqual({
      type: 'string',
      format: 'binary',
    });
    expect(codesOf(find('GET /api/invoices/{id}/pdf'), 404)).toContain('invoice_not_found');
  });

  it('describes the one error shape as a component every error answer refers to', () => {
    const error = document.components.schemas.ErrorResponseDto!;
    expect(error.required).toEqual(expect.arrayContaining(['statusCode', 'code', 'message', 'details']));
    for (const { key, operation } of operations) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400 || Number(status) >= 500) continue;
        expect([key, status, response.content?.['application/json']?.schema?.allOf?.[0]?.$ref]).toEqual([
          key,
          status,
          '#/components/schemas/ErrorResponseDto',
        ]);
      }
    }
  });

  it('names the codes specific operations can answer', () => {
    expect(codesOf(find('POST /api/auth/login'), 401)).toEqual(['invalid_credentials']);
    expect(codesOf(find('POST /api/auth/login'), 429)).toEqual(['too_many_login_attempts']);
    expect(find('POST /api/auth/login').responses['429']!.headers).toHaveProperty('Retry-After');
    expect(codesOf(find('POST /api/invoices/{id}/payments'), 409)).toEqual(
      expect.arrayContaining(['idempotency_key_reused', 'payment_reference_booked']),
    );
    expect(codesOf(find('POST /api/invoices/{id}/payments'), 422)).toEqual(
      expect.arrayContaining(['credit_note_not_payable', 'invoice_credited']),
    );
    expect(codesOf(find('POST /api/buildings/{id}/invoice-runs'), 422)).toEqual(
      expect.arrayContaining(['invoice_period_before_use', 'invoice_period_after_use', 'invoice_period_too_far_ahead']),
    );
    expect(codesOf(find('POST /api/buildings/{buildingId}/floors'), 409)).toContain('floor_level_taken');
    expect(codesOf(find('POST /api/offers/{id}/accept'), 404)).toContain('offer_not_found');
  });

  it('lists every declared code a client can meet on some operation', () => {
    // Codes no route answers: the edge's fallbacks for what has no route, and failures inside the app or a job.
    const notAnswered = [
      ...['unauthorized', 'not_found', 'conflict', 'rule_violated', 'too_many_requests', 'bad_request', 'method_not_allowed'],
      ...['uri_too_long', 'client_error', 'internal_error'],
      'document_not_found', // a stored file that vanished: the app's fault, answered as such
      'organisation_not_found', // looked up by id the app already holds (an invoice run's umbrella)
      'space_not_found', // likewise (a lease's space)
      'report_failed', // the status row of a failed report job, never an answer
      'invoice_run_failed', // likewise, of a failed invoice run
      'handover_failed', // likewise, of a failed handover
    ];
    const listed = new Set(
      operations.flatMap(({ operation }) => Object.keys(operation.responses).flatMap((s) => codesOf(operation, Number(s)))),
    );
    const unlisted = declaredErrorCodes()
      .map((error) => error.code)
      .filter((code) => !listed.has(code) && !notAnswered.includes(code));
    expect(unlisted).toEqual([]);
  });

  it('declares the answers of list-like operations as they are sent', () => {
    const schemaOf = (key: string, status: string) => find(key).responses[status]?.content?.['application/json']?.schema;
    for (const [key, status] of [
      ['GET /api/tenants/{id}/band-assessments', '200'],
      ['GET /api/application-rounds/{id}/ranking', '200'],
      ['POST /api/application-rounds/{id}/offers', '201'],
    ] as const) {
      expect([key, schemaOf(key, status)?.required]).toEqual([key, ['items', 'total']]);
    }
    expect(Object.keys(schemaOf('POST /api/offers/{id}/decline', '200')?.properties ?? {})).toEqual(['nextOffer']);
    expect(Object.keys(schemaOf('POST /api/floors/{id}/release', '200')?.properties ?? {}).sort()).toEqual(['floorId', 'offer']);
  });

  // The document against the running app: what a route really answers is what it declares.
  it('answers 401 with a listed code on every operation that needs a token', async () => {
    for (const { key, path, method, operation } of operations.filter(({ key }) => !PUBLIC.includes(key))) {
      const url = path.replace(/\{\w+\}/g, randomUUID());
      const response = await t.http()[method as 'get'](url);
      expect([key, response.status]).toEqual([key, 401]);
      expect([key, codesOf(operation, 401)]).toEqual([key, expect.arrayContaining([response.body.code])]);
    }
  });

  it('answers 404 with a listed code for an unknown id, on every read of one record', async () => {
    const reads = operations.filter(
      ({ method, path, operation }) =>
        method === 'get' &&
        /\{\w+\}/.test(path) &&
        !(operation.parameters ?? []).some((parameter) => parameter.in === 'query' && parameter.required),
    );
    expect(reads.length).toBeGreaterThan(15);
    for (const { key, path, operation } of reads) {
      for (const id of [randomUUID(), 'not-a-uuid']) {
        const response = await t
          .http()
          .get(path.replace(/\{\w+\}/g, id))
          .set(t.admin);
        expect([key, id, response.status]).toEqual([key, id, 404]);
        expect([key, codesOf(operation, 404)]).toEqual([key, expect.arrayContaining([response.body.code])]);
      }
    }
  });

  it('answers every operation, in every role, only with statuses and codes it lists', async () => {
    const signIn = async (fields: Record<string, unknown>) => {
      const user = await createUser(t, fields);
      return t.login(user.email, user.password);
    };
    const roles = {
      admin: t.admin,
      tenant: await signIn({ role: 'tenant', tenantId: (await createTenant(t)).id }),
      owner: await signIn({ role: 'owner', organisationId: (await createOrganisation(t, { kind: 'owner' })).id }),
      municipality: await signIn({ role: 'municipality', organisationId: (await createOrganisation(t, { kind: 'municipality' })).id }),
    };
    const undocumented: string[] = [];
    for (const [role, headers] of Object.entries(roles)) {
      for (const { key, path, method, operation } of operations) {
        // Unknown ids and an empty body: nothing is found or written, so each answer is a refusal or an empty read.
        const url = path.replace(/\{\w+\}/g, randomUUID());
        const call = t.http()[method as 'get'](url).set(headers);
        const response = await (operation.requestBody === undefined ? call : call.send({}));
        const listed = operation.responses[String(response.status)];
        const code = (response.body as { code?: string }).code;
        if (!listed) undocumented.push(`${role} ${key}: ${response.status} ${code ?? ''}`);
        else if (response.status >= 400 && !codesOf(operation, response.status).includes(code!)) {
          undocumented.push(`${role} ${key}: ${response.status} ${code} not among ${codesOf(operation, response.status).join(', ')}`);
        }
      }
    }
    expect(undocumented).toEqual([]);
  });

  it('answers 415 with a listed code to a body that is not JSON', async () => {
    for (const { key, path, method, operation } of operations.filter(({ operation }) => operation.requestBody !== undefined)) {
      const call = t.http()[method as 'post'](path.replace(/\{\w+\}/g, randomUUID()));
      const response = await call.set(t.admin).set('Content-Type', 'text/plain').send('name=x');
      expect([key, response.status, codesOf(operation, 415)]).toEqual([key, 415, [response.body.code]]);
    }
  });
});
