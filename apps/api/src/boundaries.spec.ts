import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(__dirname, '../../..');
const fixtures = 'libs/cart/src/domain/boundary-fixtures';

/** The architecture rules are tested like code: a deliberate violation must fail `lint:boundaries`. */
describe('dependency-cruiser rules', () => {
  it('fail a domain file that imports the kernel barrel, naming the transitive path', async () => {
    const cruise = run(
      process.execPath,
      [
        join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
        fixtures,
        '--config',
        '.dependency-cruiser.cjs',
        '--exclude',
        '^dist/',
      ],
      { cwd: root },
    );
    const failure = (await cruise.then(
      () => null,
      (error: unknown) => error,
    )) as { code: number; stdout: string } | null;
    expect(failure).not.toBeNull();
    expect(failure!.code).toBeGreaterThan(0);
    expect(failure!.stdout).toContain('domain-reaches-only-pure-code');
    expect(failure!.stdout).toMatch(/imports-kernel-barrel\.fixture\.ts → (node_modules\/@nestjs|libs\/shared\/src\/)/);
  }, 60_000);
});
