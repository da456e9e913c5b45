import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A development secret generated once per installation into `file` (under the git-ignored
 * .data/), so no key a development server accepts is written in the source.
 */
export function developmentSecret(file: string, minBytes = 32): string {
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (Buffer.byteLength(stored) >= minBytes) return stored; // otherwise (empty, truncated) make a new one
  }
  const generated = randomBytes(Math.max(32, minBytes)).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, generated, { mode: 0o600 });
  return generated;
}
