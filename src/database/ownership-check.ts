/**
 * Finds where a module's source names another module's table: in SQL text (FROM, JOIN, UPDATE,
 * INTO, TABLE followed by a name), in QueryBuilder calls given a table name (`.from('lease')`,
 * `.innerJoin('lease', …)`), and in data-access calls given another module's entity class
 * (`manager.insert(Lease, …)`, `getRepository(Lease)`, `forFeature([Lease])`, `.innerJoin(Lease, …)`).
 * Foreign keys and TypeORM relations between entities are not uses: they are invariants.
 */

export interface OwnershipViolation {
  file: string;
  name: string;
  owner: string;
  how: 'sql' | 'query-builder' | 'entity';
}

export interface Ownership {
  tableOwners: ReadonlyMap<string, string>;
  entityOwners: ReadonlyMap<string, string>;
}

const SQL_REFERENCE = /\b(?:FROM|JOIN|UPDATE|INTO|TABLE)\s+(?:ONLY\s+)?"?([a-z_][a-z0-9_]*)"?/gi;
const BUILDER_TABLE =
  /\.(?:from|into|update|innerJoin|leftJoin|innerJoinAndSelect|leftJoinAndSelect|join)\(\s*['"`]([a-z_][a-z0-9_]*)['"`]/g;
const ENTITY_CALL =
  /\b(?:getRepository|InjectRepository|insert|save|create|update|upsert|delete|remove|softDelete|increment|decrement|find|findBy|findOne|findOneBy|findOneOrFail|findOneByOrFail|findAndCount|count|countBy|exists|existsBy|from|into|innerJoin|leftJoin|innerJoinAndSelect|leftJoinAndSelect|createQueryBuilder)\(\s*([A-Z][A-Za-z0-9]*)\b/g;
const FOR_FEATURE = /forFeature\(\s*\[([^\]]*)\]/g;

/** Comments may mention tables freely; only code counts. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`])\/\/[^\n]*/g, '$1');
}

/** `@Entity('lease') … export class Lease` pairs of one entity file. */
export function entitiesDeclaredIn(source: string): { table: string; className: string }[] {
  const found: { table: string; className: string }[] = [];
  for (const match of withoutComments(source).matchAll(/@Entity\(\s*['"]([a-z_][a-z0-9_]*)['"][\s\S]*?export class (\w+)/g)) {
    found.push({ table: match[1]!, className: match[2]! });
  }
  return found;
}

export function ownershipViolations(module: string, file: string, source: string, ownership: Ownership): OwnershipViolation[] {
  const code = withoutComments(source);
  const violations: OwnershipViolation[] = [];
  const flag = (name: string, owner: string | undefined, how: OwnershipViolation['how']) => {
    if (owner !== undefined && owner !== module && !violations.some((v) => v.name === name && v.how === how)) {
      violations.push({ file, name, owner, how });
    }
  };
  for (const match of code.matchAll(SQL_REFERENCE)) flag(match[1]!, ownership.tableOwners.get(match[1]!), 'sql');
  for (const match of code.matchAll(BUILDER_TABLE)) flag(match[1]!, ownership.tableOwners.get(match[1]!), 'query-builder');
  for (const match of code.matchAll(ENTITY_CALL)) flag(match[1]!, ownership.entityOwners.get(match[1]!), 'entity');
  for (const match of code.matchAll(FOR_FEATURE)) {
    for (const name of match[1]!.split(',').map((entry) => entry.trim().replace(/^\.\.\./, ''))) {
      flag(name, ownership.entityOwners.get(name), 'entity');
    }
  }
  return violations;
}
