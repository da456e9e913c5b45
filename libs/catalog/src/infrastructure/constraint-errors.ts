import { QueryFailedError } from 'typeorm';

const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';

/** The constraint a failed statement violated, when it was a unique or foreign-key violation. */
export function violatedConstraint(error: unknown): { kind: 'unique' | 'foreign-key'; constraint: string } | null {
  if (!(error instanceof QueryFailedError)) return null;
  const { code, constraint } = error.driverError as { code?: string; constraint?: string };
  if (!constraint) return null;
  if (code === UNIQUE_VIOLATION) return { kind: 'unique', constraint };
  if (code === FOREIGN_KEY_VIOLATION) return { kind: 'foreign-key', constraint };
  return null;
}

/**
 * Runs a statement and turns the violations the database enforces for us (unique slugs and
 * SKUs, existing categories) into the domain errors clients understand.
 */
export async function translatingConstraints<T>(work: Promise<T>, errors: Record<string, () => Error>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    const violated = violatedConstraint(error);
    const translate = violated ? errors[violated.constraint] : undefined;
    throw translate ? translate() : error;
  }
}
