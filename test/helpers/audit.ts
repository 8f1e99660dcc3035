import { eventually } from './eventually.js';
import type { TestApp } from './test-app.js';

export interface AuditEntryBody {
  at: string;
  userId: string | null;
  action: string;
  entity: string;
  entityId: string;
  changes: Record<string, unknown>;
}

/** A record's audit log once it has `length` entries: events reach the log after their commit. */
export async function auditTrail(t: TestApp, entity: string, id: string, length: number): Promise<AuditEntryBody[]> {
  let items: AuditEntryBody[] = [];
  await eventually(async () => {
    const body = (await t.http().get('/api/audit').query({ entity, id }).set(t.admin)).body as { items: AuditEntryBody[]; total: number };
    expect(body.total).toBe(length);
    items = body.items;
  });
  return items;
}
