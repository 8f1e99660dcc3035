import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entitiesDeclaredIn, type Ownership, ownershipViolations } from './ownership-check.js';
import { OWNERSHIP, PUBLISHERS, TABLE_OWNERS } from './table-ownership.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC = join(ROOT, 'src');

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(directory, entry.name)) : entry.name.endsWith('.ts') ? [join(directory, entry.name)] : [],
  );
}

/** src/modules/leases/… belongs to leases; src/documents/… to documents. */
function moduleOf(file: string): string {
  const parts = relative(SRC, file).split(sep);
  return parts[0] === 'modules' ? parts[1]! : parts[0]!;
}

const sources = filesUnder(SRC).map((file) => ({ file: relative(ROOT, file), module: moduleOf(file), text: readFileSync(file, 'utf8') }));
const entities = sources.flatMap((source) => entitiesDeclaredIn(source.text).map((entity) => ({ ...entity, ...source })));
const ownership: Ownership = {
  tableOwners: TABLE_OWNERS,
  entityOwners: new Map(entities.map((entity) => [entity.className, TABLE_OWNERS.get(entity.table) ?? entity.module])),
};
const migrations = readdirSync(join(ROOT, 'migrations'))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => readFileSync(join(ROOT, 'migrations', file), 'utf8'))
  .join('\n');

describe('table ownership', () => {
  it('names the owner of every mapped table, in the folder of the entity that maps it', () => {
    const declared = entities.map((entity) => `${entity.table} → ${entity.module}`).sort();
    expect(declared).toEqual(entities.map((entity) => `${entity.table} → ${TABLE_OWNERS.get(entity.table) ?? '(no owner)'}`).sort());
    expect(entities.map((entity) => entity.table).sort()).toEqual([...TABLE_OWNERS.keys()].sort());
  });

  it('finds every published view and function in the migrations, reading only its owner’s tables and what others publish', () => {
    const bodies = new Map<string, string>();
    for (const match of migrations.matchAll(/CREATE (?:VIEW|FUNCTION) ([a-z_]+)([\s\S]*?)(?=CREATE (?:VIEW|FUNCTION)|`,\s*\]|`\)|$)/g)) {
      bodies.set(match[1]!, match[2]!);
    }
    for (const [name, owner] of PUBLISHERS) {
      expect([name, bodies.has(name)]).toEqual([name, true]);
      expect(ownershipViolations(owner, name, bodies.get(name)!, ownership)).toEqual([]);
    }
  });

  it('finds no module whose code names another module’s table or uses its entity for data access', () => {
    const violations = sources
      .filter((source) => !source.file.endsWith('.spec.ts') && source.module in OWNERSHIP)
      .flatMap((source) => ownershipViolations(source.module, source.file, source.text, ownership));
    expect(violations).toEqual([]);
  });

  describe('the check itself', () => {
    const check = (module: string, text: string) =>
      ownershipViolations(module, 'fixture.ts', text, ownership).map((v) => `${v.how} ${v.name}`);

    it('flags another module’s table in SQL text, and not the module’s own or a published read', () => {
      expect(check('reports', 'query(`SELECT l.id FROM lease l JOIN "space" s ON s.id = l.space_id`)')).toEqual(['sql lease', 'sql space']);
      expect(
        check('handovers', "query(`UPDATE lease SET end_date = $2`); query('INSERT INTO lease_notice (lease_id) VALUES ($1)')"),
      ).toEqual(['sql lease', 'sql lease_notice']);
      expect(check('tenants', 'where(`EXISTS (SELECT 1 FROM band_assessment a WHERE a.tenant_id = tenant.id)`)')).toEqual([
        'sql band_assessment',
      ]);
      expect(check('leases', 'query(`UPDATE lease SET end_date = $2 FROM lease_revision r`)')).toEqual([]);
      expect(check('reports', 'query(`SELECT * FROM lease_running_on($1) l JOIN building_register b ON TRUE`)')).toEqual([]);
    });

    it('flags QueryBuilder calls given another module’s table name or entity class', () => {
      expect(check('invoices', "qb.innerJoin('lease', 'l', 'l.id = invoice.lease_id')")).toEqual(['query-builder lease']);
      expect(check('invoices', "qb.from('invoice', 'i').leftJoin(Lease, 'l')")).toEqual(['entity Lease']);
      expect(check('handovers', 'manager.insert(LeaseNotice, rows); manager.getRepository(Building)')).toEqual([
        'entity LeaseNotice',
        'entity Building',
      ]);
      expect(check('handovers', 'TypeOrmModule.forFeature([Handover, Lease])')).toEqual(['entity Lease']);
      expect(check('leases', 'manager.insert(LeaseNotice, rows)')).toEqual([]);
    });

    it('ignores comments, relations and type-only mentions', () => {
      expect(
        check('handovers', '// reads FROM lease by name\n/* UPDATE building */ @ManyToOne(() => Lease) lease?: Relation<Lease>;'),
      ).toEqual([]);
    });
  });
});
