import { QueryFailedError } from 'typeorm';

/** Runs a statement; a violation of the named unique constraint becomes `toError()`. */
export async function translatingUnique<T>(work: Promise<T>, constraint: string, toError: () => Error): Promise<T> {
  try {
    return await work;
  } catch (error) {
    const driver = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : null;
    if (driver?.code === '23505' && driver.constraint === constraint) throw toError();
    throw error;
  }
}
