import { existsSync } from 'node:fs';

/** Reads an optional `.env` (real environment variables win). */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
