/** PostgreSQL error codes we turn into domain answers. */
const UNIQUE_VIOLATION = '23505';
const EXCLUSION_VIOLATION = '23P01';
const FOREIGN_KEY_VIOLATION = '23503';
/** A delete refused by an `ON DELETE RESTRICT` key; older servers report it as a foreign key violation. */
const RESTRICT_VIOLATION = '23001';
const CHECK_VIOLATION = '23514';

interface PgError {
  code?: string;
  constraint?: string;
}

function pgError(error: unknown): PgError | null {
  if (typeof error !== 'object' || error === null) return null;
  // TypeORM wraps driver errors in QueryFailedError and keeps the driver's fields on `driverError`.
  const candidate = (error as { driverError?: PgError }).driverError ?? (error as PgError);
  return typeof candidate.code === 'string' ? candidate : null;
}

export function violatedConstraint(error: unknown): string | null {
  const pg = pgError(error);
  if (!pg || ![UNIQUE_VIOLATION, EXCLUSION_VIOLATION, FOREIGN_KEY_VIOLATION, RESTRICT_VIOLATION, CHECK_VIOLATION].includes(pg.code ?? '')) {
    return null;
  }
  return pg.constraint ?? null;
}

/**
 * Runs a write and turns a named constraint violation into the domain error the caller maps it to;
 * any other failure passes through unchanged.
 */
export async function translateConstraintViolations<T>(write: () => Promise<T>, map: Record<string, () => Error>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const constraint = violatedConstraint(error);
    const translate = constraint ? map[constraint] : undefined;
    throw translate ? translate() : error;
  }
}
